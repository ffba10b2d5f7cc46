package app.tandem.notify;

import java.time.Instant;

/**
 * A row of the outbox. {@code nextAttemptAt}: when the sender takes it next (null: nothing to do, or its retries
 * ran out); {@code failures}: temporary failures since it was last put back in the queue.
 */
public record OutboxMessage(long id, String idempotencyKey, MessageKind kind, String recipientUsername,
                            String recipientName, String recipientAddress, String language, String subject,
                            String bodyText, String bodyHtml, String attachmentName, String attachmentType,
                            String attachment, OutboxStatus status, int attempts, String lastError,
                            Instant createdAt, Instant lastAttemptAt, Instant sentAt, String processInstanceId,
                            Instant nextAttemptAt, int failures) {
}
