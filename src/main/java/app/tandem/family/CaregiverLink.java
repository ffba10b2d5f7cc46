package app.tandem.family;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A caregiver of one student. Contact may be forbidden (a court order, say), and a student of 18 or
 * older decides whether this caregiver hears about them ({@code studentConsent}, null when not asked).
 */
public record CaregiverLink(Student student, Caregiver caregiver, String relationship, boolean contactAllowed,
                            String noContactReason, Boolean studentConsent) {

    /** Why nothing about the student may go to this caregiver on that day, if anything forbids it. */
    public Optional<WithheldReason> withheldOn(LocalDate day) {
        if (!contactAllowed) {
            return Optional.of(WithheldReason.CONTACT_NOT_ALLOWED);
        }
        if (student.isAdultOn(day) && !Boolean.TRUE.equals(studentConsent)) {
            return Optional.of(WithheldReason.NO_STUDENT_CONSENT);
        }
        return Optional.empty();
    }
}
