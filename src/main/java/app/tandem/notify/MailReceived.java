package app.tandem.notify;

import java.time.Instant;

/**
 * A mail read from the replies mailbox, published once per Message-ID across a cluster, inside the transaction
 * that claims it: a listener that fails leaves the mail in the mailbox for the next read. {@code outboxMessageId}
 * and {@code idempotencyKey} name the message it answers, when its reply address or In-Reply-To says so; both are
 * null for a mail from someone Tandem cannot place. The text is in memory only: listeners keep what they need.
 */
public record MailReceived(String messageId, Long outboxMessageId, String idempotencyKey, String fromAddress,
                           String fromName, String subject, String text, Instant receivedAt) {
}
