package app.tandem.notify;

/**
 * Where a message stands. QUEUED and RETRYING wait for the outbox sender; SENT went out; REFUSED was
 * refused for good and waits for a liaison to fix the contact; DROPPED was given up on purpose;
 * WITHHELD was not sent because its address had unsubscribed by the time it was due.
 */
public enum OutboxStatus {
    QUEUED,
    RETRYING,
    SENT,
    REFUSED,
    DROPPED,
    WITHHELD;

    boolean awaitsSending() {
        return this == QUEUED || this == RETRYING;
    }

    public String messageKey() {
        return "outbox.status." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
