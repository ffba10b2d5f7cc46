package app.tandem.notify;

/**
 * A liaison corrected the address of a refused message to someone who is not on the staff. Published
 * inside the task's transaction; the feature whose key the message carries updates its contact.
 */
public record ContactCorrected(long outboxMessageId, String idempotencyKey, String correctedAddress) {
}
