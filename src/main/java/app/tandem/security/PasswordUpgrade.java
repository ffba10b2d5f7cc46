package app.tandem.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stores a password again, in {@link SlowPasswordHash}'s format and cost, when its owner signs in with it and
 * it was stored in an older one ({@code {SHA-512}...}). The password is only known at that moment.
 */
@Component
class PasswordUpgrade {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordUpgrade.class);

    private final IdentityService identity;
    private final SlowPasswordHash hash;

    PasswordUpgrade(IdentityService identity, SlowPasswordHash hash) {
        this.identity = identity;
        this.hash = hash;
    }

    void afterSignIn(String username, String password) {
        User user = identity.createUserQuery().userId(username).singleResult();
        if (user == null || hash.isCurrent(user.getPassword())) {
            return;
        }
        user.setPassword(password);
        try {
            identity.saveUser(user);
        } catch (ProcessEngineException e) {
            // The person is signed in either way (a concurrent sign-in may have stored it first); the next
            // sign-in tries again. The message is left out: it may name the account.
            LOG.warn("A password could not be stored in the new format ({})", e.getClass().getSimpleName());
        }
    }
}
