package app.tandem.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import app.tandem.system.InvalidInputException;
import app.tandem.system.Messages;

/**
 * The rules for a password a person chooses, and storing it: through Camunda's identity service, which hashes it
 * with {@link SlowPasswordHash}.
 */
@Component
public class NewPassword {

    public static final int MIN_LENGTH = 12;
    /** Long enough for any passphrase, short enough that hashing it costs nothing unusual. */
    private static final int MAX_LENGTH = 500;

    private final IdentityService identity;
    private final Messages messages;

    NewPassword(IdentityService identity, Messages messages) {
        this.identity = identity;
        this.messages = messages;
    }

    /** Refuses a password too short or too long, equal to the username, or typed differently the second time. */
    public void check(String username, String password, String repeated) throws InvalidInputException {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw messages.invalid("newPassword", "invalid.passwordTooShort", MIN_LENGTH);
        }
        if (length > MAX_LENGTH) {
            throw messages.invalid("newPassword", "invalid.passwordTooLong", MAX_LENGTH);
        }
        if (password.strip().equalsIgnoreCase(username)) {
            throw messages.invalid("newPassword", "invalid.passwordIsUsername");
        }
        if (!password.equals(repeated)) {
            throw messages.invalid("repeatPassword", "invalid.passwordsDiffer");
        }
    }

    public void store(String username, String password) {
        User user = identity.createUserQuery().userId(username).singleResult();
        user.setPassword(password);
        identity.saveUser(user);
    }
}
