package app.tandem.notify;

/**
 * A composed message, ready for the outbox. {@code idempotencyKey} names what it is about, to whom
 * and for which cycle; the outbox keeps one message per key.
 */
public record OutgoingMessage(String idempotencyKey, MessageKind kind, Recipient recipient, String subject,
                              String text, String html, Attachment attachment) {

    public record Attachment(String fileName, String contentType, String content) {
    }
}
