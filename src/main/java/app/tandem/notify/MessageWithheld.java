package app.tandem.notify;

/** A queued message was not sent because its address unsubscribed meanwhile; published by the send step. */
public record MessageWithheld(long outboxMessageId, MessageKind kind, String idempotencyKey) {
}
