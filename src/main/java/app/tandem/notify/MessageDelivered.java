package app.tandem.notify;

/**
 * Published after a message went out, by the step after the send's save point: features that
 * record deliveries (a disclosure log, "invites sent") listen for it. A listener that fails makes
 * that step retry, never the send.
 */
public record MessageDelivered(long outboxMessageId, MessageKind kind, String idempotencyKey,
                               String recipientUsername) {
}
