package app.tandem.notify;

/**
 * The names the deliver-message model and its Java code share. An instance starts only for a message that failed
 * for good: refused by the mail server (a liaison fixes the contact) or out of retries (an incident); it then
 * waits until the message is sent.
 */
public final class DeliverMessage {

    public static final String PROCESS_KEY = "deliver-message";
    public static final String MESSAGE_REFUSED = "messageRefused";
    public static final String RETRIES_RAN_OUT = "retriesRanOut";
    public static final String WAIT_UNTIL_SENT = "waitUntilSent";
    public static final String REFUSED_AGAIN = "refusedAgain";
    public static final String FIX_CONTACT_DETAILS = "fixContactDetails";
    public static final String MESSAGE_DELIVERED = "messageDelivered";
    public static final String MESSAGE_DROPPED = "messageDropped";

    /** The BPMN messages: how an instance starts, and the one that ends a stuck message's wait. */
    static final String REFUSED_MESSAGE = "message-refused";
    static final String STUCK_MESSAGE = "message-stuck";
    static final String SENT_MESSAGE = "message-sent";
    static final String REFUSED_AGAIN_MESSAGE = "message-refused-again";
    /** The incident type of a message whose retries ran out. */
    static final String STUCK_INCIDENT = "messageNotSent";

    /** Process variables: the outbox row's id and, after a fix, whether to send again. */
    public static final String OUTBOX_MESSAGE_ID = "outboxMessageId";
    public static final String SEND_AGAIN = "sendAgain";

    private DeliverMessage() {
    }

    static String businessKey(long outboxMessageId) {
        return "outbox-" + outboxMessageId;
    }
}
