package app.tandem.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

import app.tandem.directory.Role;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The engine's REST API answers operators only: a valid password is not enough without the group. Passwords
 * go through Tandem's {@link PasswordCheck}, so guessing them here is slowed down as on the sign-in page.
 */
class OperatorsOnlyBasicAuth extends HttpBasicAuthenticationProvider {

    private static final String BASIC = "Basic ";

    private final PasswordCheck passwords;

    OperatorsOnlyBasicAuth(PasswordCheck passwords) {
        this.passwords = passwords;
    }

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return AuthenticationResult.unsuccessful();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return AuthenticationResult.unsuccessful();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return AuthenticationResult.unsuccessful();
        }
        String username = decoded.substring(0, colon);
        PasswordVerdict verdict = passwords.check(username, decoded.substring(colon + 1), request.getRemoteAddr());
        if (!(verdict instanceof PasswordVerdict.Accepted)) {
            return AuthenticationResult.unsuccessful(username);
        }
        boolean operator = engine.getIdentityService().createGroupQuery()
                .groupMember(username)
                .groupId(Role.OPERATOR.groupId())
                .count() > 0;
        return operator ? AuthenticationResult.successful(username) : AuthenticationResult.unsuccessful(username);
    }
}
