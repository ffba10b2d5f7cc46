package app.tandem.notify;

import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * Mail another feature writes itself, to staff or to people who are not users (a Recipient without a
 * username): composed from templates/mail/KIND in the recipient's language and queued in the outbox, in
 * the caller's transaction.
 */
@Service
public class DirectMail {

    private final MailComposer composer;
    private final Outbox outbox;

    DirectMail(MailComposer composer, Outbox outbox) {
        this.composer = composer;
        this.outbox = outbox;
    }

    /** @return the outbox row's id; the same idempotency key again returns the row already queued */
    public long send(String idempotencyKey, MessageKind kind, Recipient recipient, Object[] subjectArgs,
                     Map<String, Object> model) {
        return outbox.enqueue(composer.compose(idempotencyKey, kind, recipient, subjectArgs, model, null));
    }

    /** A day in the recipient's language, as every Tandem message writes it. */
    public static String day(java.time.LocalDate day, java.util.Locale locale) {
        return MailComposer.day(day, locale);
    }
}
