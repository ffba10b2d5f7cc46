package app.tandem.notify;

/** The names the deliver-message model and its Java code share. */
public final class DeliverMessage {

    public static final String PROCESS_KEY = "deliver-message";
    public static final String SEND_MESSAGE = "sendMessage";
    public static final String RECORD_DELIVERY = "recordDelivery";
    public static final String MESSAGE_REFUSED = "messageRefused";
    public static final String FIX_CONTACT_DETAILS = "fixContactDetails";
    public static final String MESSAGE_DELIVERED = "messageDelivered";
    public static final String MESSAGE_DROPPED = "messageDropped";
    /** The BPMN error code a permanent refusal throws. */
    public static final String REFUSED_ERROR = "message-refused";

    /** Process variables: the outbox row's id and, after a fix, whether to send again. */
    public static final String OUTBOX_MESSAGE_ID = "outboxMessageId";
    public static final String SEND_AGAIN = "sendAgain";

    private DeliverMessage() {
    }
}
