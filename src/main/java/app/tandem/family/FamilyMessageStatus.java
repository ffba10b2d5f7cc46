package app.tandem.family;

/**
 * Where a message to a caregiver stands. PLANNED: on its way (drafting, translating, waiting for a
 * call); WITHHELD: not sent on purpose (contact not allowed, no consent); QUEUED: handed to the
 * outbox; DELIVERED: the mail server took it, the call was made or the note went home;
 * NOT_REACHED: a liaison tried and could not reach the caregiver.
 */
public enum FamilyMessageStatus {
    PLANNED,
    WITHHELD,
    QUEUED,
    DELIVERED,
    NOT_REACHED;

    public String messageKey() {
        return "family.status." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
