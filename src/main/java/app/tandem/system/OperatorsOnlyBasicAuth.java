package app.tandem.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

import app.tandem.directory.Role;

import jakarta.servlet.http.HttpServletRequest;

/** The engine's REST API answers operators only: a valid password is not enough without the group. */
public class OperatorsOnlyBasicAuth extends HttpBasicAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        AuthenticationResult result = super.extractAuthenticatedUser(request, engine);
        if (!result.isAuthenticated()) {
            return result;
        }
        boolean operator = engine.getIdentityService().createGroupQuery()
                .groupMember(result.getAuthenticatedUser())
                .groupId(Role.OPERATOR.groupId())
                .count() > 0;
        return operator ? result : AuthenticationResult.unsuccessful(result.getAuthenticatedUser());
    }
}
