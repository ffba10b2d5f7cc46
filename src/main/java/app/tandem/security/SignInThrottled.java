package app.tandem.security;

import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused because of earlier failures, or a failure that makes the next attempt wait. It says the
 * same whether the username names an account or not.
 */
public class SignInThrottled extends AuthenticationException {

    private final Instant tryAgainAt;
    private final boolean passwordChecked;

    SignInThrottled(Instant tryAgainAt, boolean passwordChecked) {
        super("Sign-in throttled");
        this.tryAgainAt = tryAgainAt;
        this.passwordChecked = passwordChecked;
    }

    public Instant tryAgainAt() {
        return tryAgainAt;
    }

    /** Whether this attempt's password was checked (and wrong), rather than refused unchecked. */
    public boolean passwordChecked() {
        return passwordChecked;
    }
}
