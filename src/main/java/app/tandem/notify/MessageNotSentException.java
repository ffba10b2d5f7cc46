package app.tandem.notify;

/** A temporary failure: the job fails, Camunda retries it later. Names the row, never the address. */
class MessageNotSentException extends RuntimeException {

    MessageNotSentException(long outboxMessageId, String reason) {
        super("Outbox message " + outboxMessageId + " not sent yet: " + reason);
    }
}
