package app.tandem.notify;

import java.util.Optional;

/**
 * Which school a message's recipient belongs to, when they are not on the staff (such as a caregiver), so a
 * refused address goes to that school's liaisons. The feature that owns the contact provides it as a bean.
 */
public interface ContactSchools {

    Optional<Long> schoolOf(OutboxMessage message);
}
