package app.tandem.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Signs people in against Camunda's identity service, the one user store Tandem and Camunda's
 * webapps share, through {@link PasswordCheck}. Each Camunda group becomes a role: {@code ROLE_coordinators},
 * {@code ROLE_managers}...
 */
@Component
class CamundaIdentityAuthentication implements AuthenticationProvider {

    private final IdentityService identity;
    private final PasswordCheck passwords;

    CamundaIdentityAuthentication(IdentityService identity, PasswordCheck passwords) {
        this.identity = identity;
        this.passwords = passwords;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = request.getName();
        Object credentials = request.getCredentials();
        PasswordVerdict verdict = passwords.check(username, credentials == null ? null : credentials.toString(),
                clientAddress(request));
        if (verdict instanceof PasswordVerdict.MustWait wait) {
            throw new SignInThrottled(wait.tryAgainAt(), wait.passwordChecked());
        }
        if (!(verdict instanceof PasswordVerdict.Accepted)) {
            throw new BadCredentialsException("Bad credentials");
        }
        return signedIn(username);
    }

    /** The person as signed in, once something proved who they are. */
    Authentication signedIn(String username) {
        List<GrantedAuthority> roles = identity.createGroupQuery().groupMember(username).list().stream()
                .map(Group::getId)
                .map(id -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + id))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(username, null, roles);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The address the servlet container reports; forwarded headers are the container's business. */
    private static String clientAddress(Authentication request) {
        return request.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }
}
