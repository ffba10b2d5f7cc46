package app.tandem.security;

import java.util.Map;

import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's webapps take the person Tandem signed in instead of asking again: the filter reads the
 * principal Spring Security put on the request and loads that person's groups from Camunda's
 * identity service. It runs after Spring Security, which has already turned away everyone but
 * operators (see {@link WebSecurity}).
 */
@Configuration
class CamundaWebappsSignIn {

    /** After Spring Security's filter chain (order -100), so the request carries the signed-in person. */
    private static final int AFTER_SPRING_SECURITY = 101;

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappsUseTandemsSignIn() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider",
                ContainerBasedAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }
}
