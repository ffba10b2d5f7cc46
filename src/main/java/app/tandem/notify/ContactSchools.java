package app.tandem.notify;

import java.util.Optional;

/**
 * Which school a message's recipient belongs to, when they are not on the staff (such as a caregiver), so a
 * refused address goes to that school's liaisons; or, for a contact of no school (a board member, a union
 * representative), at least its district, whose managers then fix it. The feature that owns the contact provides
 * it as a bean.
 */
public interface ContactSchools {

    Optional<Long> schoolOf(OutboxMessage message);

    /** The district of a contact of no school; empty when this feature does not know the message. */
    default Optional<Long> districtOf(OutboxMessage message) {
        return Optional.empty();
    }
}
