package app.tandem.security;

import java.time.Instant;

/** What {@link PasswordCheck} found. */
public sealed interface PasswordVerdict {

    record Accepted() implements PasswordVerdict {
    }

    record Refused() implements PasswordVerdict {
    }

    /**
     * Refused, and the next attempt must wait.
     *
     * @param passwordChecked false when this attempt came too early and its password was not checked at all
     */
    record MustWait(Instant tryAgainAt, boolean passwordChecked) implements PasswordVerdict {
    }
}
