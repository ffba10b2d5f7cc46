package app.tandem.notify;

/**
 * Published after a message went out, once its row is marked sent (tried again if it fails): features that
 * record deliveries (a disclosure log, "invites sent") listen for it. A listener that fails makes
 * that step retry, never the send.
 */
public record MessageDelivered(long outboxMessageId, MessageKind kind, String idempotencyKey,
                               String recipientUsername) {
}
