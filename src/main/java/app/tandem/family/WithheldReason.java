package app.tandem.family;

/** Why a message about a student did not go to a caregiver. */
public enum WithheldReason {
    CONTACT_NOT_ALLOWED,
    NO_STUDENT_CONSENT,
    /** The caregiver's address unsubscribed before the message went out. */
    UNSUBSCRIBED;

    public String messageKey() {
        return "family.withheld." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
