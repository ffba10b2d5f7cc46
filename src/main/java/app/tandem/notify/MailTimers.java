package app.tandem.notify;

import org.springframework.stereotype.Component;

/** Configuration the notify models read through expressions: {@code ${mailTimers.retryCycle()}}. */
@Component("mailTimers")
public class MailTimers {

    private final MailSettings mail;
    private final NotifySettings notify;

    MailTimers(MailSettings mail, NotifySettings notify) {
        this.mail = mail;
        this.notify = notify;
    }

    /** Read by deliver-message instances started before the outbox sent its own rows (their send jobs' retries). */
    public String retryCycle() {
        return mail.retryCycle();
    }

    public String digestCron() {
        return notify.digestCron();
    }
}
