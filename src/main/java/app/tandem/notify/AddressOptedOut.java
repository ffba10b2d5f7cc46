package app.tandem.notify;

import java.time.Instant;

/**
 * An address unsubscribed through a family message (the outbox message named by its link): published in the
 * transaction that records it, so features that keep a channel per person can turn it into a call or a note.
 */
public record AddressOptedOut(String address, long outboxMessageId, String idempotencyKey, OptOutSource source,
                              Instant at) {
}
