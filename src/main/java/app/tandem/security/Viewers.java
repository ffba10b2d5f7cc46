package app.tandem.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import app.tandem.directory.StaffDirectory;
import app.tandem.directory.Viewer;
import app.tandem.system.NotFound;

/**
 * Makes the {@link Viewer} of a request: its groups from the signed-in roles, its district and schools from the
 * staff directory. A controller method takes a {@code Viewer} parameter and gets it, built once per request; a
 * request without a signed-in person is answered "not found".
 */
@Configuration
public class Viewers implements WebMvcConfigurer {

    private static final String ROLE = "ROLE_";
    private static final String REQUEST_KEY = Viewer.class.getName();

    private final StaffDirectory staff;

    Viewers(StaffDirectory staff) {
        this.staff = staff;
    }

    public Viewer of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            throw NotFound.answer();
        }
        Set<String> groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(ROLE))
                .map(authority -> authority.substring(ROLE.length()))
                .collect(Collectors.toSet());
        StaffDirectory.Workplace workplace = staff.workplaceOf(authentication.getName());
        return new Viewer(authentication.getName(), groups, workplace.schoolIds(), workplace.districtId());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Viewer.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                          NativeWebRequest request, WebDataBinderFactory binders) {
                HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
                if (http != null && http.getAttribute(REQUEST_KEY) instanceof Viewer known) {
                    return known;
                }
                Viewer viewer = of(SecurityContextHolder.getContext().getAuthentication());
                if (http != null) {
                    http.setAttribute(REQUEST_KEY, viewer);
                }
                return viewer;
            }
        });
    }
}
