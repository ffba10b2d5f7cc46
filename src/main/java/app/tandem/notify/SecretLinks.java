package app.tandem.notify;

/**
 * Links too secret to rest in the outbox, such as an invitation to choose a password: whoever reads the outbox
 * page or the table must not be able to use them. The message is queued with {@link #PLACE} where the link goes;
 * the link is made when the message is sent, in the send job's transaction, and exists only in the mail.
 */
public interface SecretLinks {

    /** Where a template puts the link; the outbox row keeps this text instead. */
    String PLACE = "https://tandem.invalid/link-made-when-sent";

    boolean makesFor(MessageKind kind);

    /** A new link for the message with this idempotency key; each call voids the one made before. */
    String link(String idempotencyKey);
}
