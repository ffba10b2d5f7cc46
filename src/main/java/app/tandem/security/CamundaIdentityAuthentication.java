package app.tandem.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
 * webapps share. Each Camunda group becomes a role: {@code ROLE_coordinators}, {@code ROLE_managers}...
 * Failed attempts slow further ones down ({@link SignInThrottle}); an attempt that has to wait is refused
 * before its password is checked. A name without an account is refused the same way, after the same time,
 * as a wrong password.
 */
@Component
class CamundaIdentityAuthentication implements AuthenticationProvider {

    private final IdentityService identity;
    private final SignInThrottle throttle;
    private final SlowPasswordHash hash;
    private final PasswordUpgrade upgrade;

    CamundaIdentityAuthentication(IdentityService identity, SignInThrottle throttle, SlowPasswordHash hash,
                                  PasswordUpgrade upgrade) {
        this.identity = identity;
        this.throttle = throttle;
        this.hash = hash;
        this.upgrade = upgrade;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = request.getName();
        Object credentials = request.getCredentials();
        if (username == null || username.isBlank() || credentials == null) {
            throw new BadCredentialsException("Bad credentials");
        }
        String password = credentials.toString();
        SignInAttempt attempt = SignInAttempt.of(username, clientAddress(request));
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Optional<Instant> wait = throttle.waitUntil(attempt, now);
        if (wait.isPresent()) {
            throw new SignInThrottled(wait.get(), false);
        }
        boolean account = identity.createUserQuery().userId(username).count() > 0;
        if (!account) {
            hash.checkAgainstNoAccount(password);
        }
        if (!account || !identity.checkPassword(username, password)) {
            Optional<Instant> next = throttle.failed(attempt, account ? username : null, now);
            if (next.isPresent()) {
                throw new SignInThrottled(next.get(), true);
            }
            throw new BadCredentialsException("Bad credentials");
        }
        throttle.succeeded(attempt);
        upgrade.afterSignIn(username, password);
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
