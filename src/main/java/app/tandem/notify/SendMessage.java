package app.tandem.notify;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;

import app.tandem.system.DistrictClock;

/**
 * Sends one outbox message, at most once. The row is read under a lock and skipped unless still
 * waiting, so a duplicate dispatch finds it sent. A temporary failure fails the job, which Camunda
 * retries on the configured backoff (then an incident); a permanent one marks the row refused and
 * throws the BPMN error that opens a "Fix the contact details" task. A message to an address that
 * unsubscribed meanwhile is withheld, not sent. Messages name the row id only.
 */
@Component("sendMessage")
class SendMessage implements JavaDelegate {

    static final String OUTBOX_HEADER = "X-Tandem-Outbox-Id";

    private final OutboxMessages messages;
    private final SmtpConnections smtp;
    private final MailSettings settings;
    private final TransactionTemplate separateTransaction;
    private final DistrictClock clock;
    private final List<SecretLinks> secretLinks;
    private final MailLinks mailLinks;
    private final MailOptOuts optOuts;
    private final ApplicationEventPublisher events;

    SendMessage(OutboxMessages messages, SmtpConnections smtp, MailSettings settings,
                TransactionTemplate transactionTemplate, DistrictClock clock, List<SecretLinks> secretLinks,
                MailLinks mailLinks, MailOptOuts optOuts, ApplicationEventPublisher events) {
        this.secretLinks = secretLinks;
        this.mailLinks = mailLinks;
        this.optOuts = optOuts;
        this.events = events;
        this.messages = messages;
        this.smtp = smtp;
        this.settings = settings;
        this.clock = clock;
        this.separateTransaction = new TransactionTemplate(transactionTemplate.getTransactionManager());
        this.separateTransaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ((Number) execution.getVariable(DeliverMessage.OUTBOX_MESSAGE_ID)).longValue();
        OutboxMessage message = messages.lockForSending(id)
                .orElseThrow(() -> new IllegalStateException("Outbox message " + id + " does not exist"));
        if (!message.status().awaitsSending()) {
            return;
        }
        Instant now = clock.now();
        Optional<MailOptOuts.OptOut> optedOut = optOuts.current(message.recipientAddress());
        if (optedOut.isPresent()) {
            messages.markWithheld(id, now, "Withheld: the address unsubscribed on "
                    + clock.dayOf(java.util.Date.from(optedOut.get().at())) + ".");
            events.publishEvent(new MessageWithheld(id, message.kind(), message.idempotencyKey()));
            return;
        }
        try {
            MimeMessage mime = mime(message);
            smtp.send(mime);
            messages.markSent(id, now, mime.getMessageID());
        } catch (MessagingException e) {
            throw new IllegalStateException("Outbox message " + id + " has no Message-ID", e);
        } catch (DeliveryFailure failure) {
            if (failure.permanent()) {
                messages.markRefused(id, now, failure.reason());
                throw new BpmnError(DeliverMessage.REFUSED_ERROR, "Outbox message " + id + " was refused");
            }
            recordAfterRollback(id, now, failure.reason());
            throw new MessageNotSentException(id, failure.reason());
        }
    }

    /** The job's transaction rolls back (and releases the row lock); the attempt is kept all the same. */
    private void recordAfterRollback(long id, Instant now, String reason) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_ROLLED_BACK) {
                    separateTransaction.executeWithoutResult(
                            tx -> messages.recordTemporaryFailure(id, now, reason));
                }
            }
        });
    }

    private MimeMessage mime(OutboxMessage message) throws DeliveryFailure {
        try {
            MimeMessage mime = smtp.newMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
            helper.setFrom(new InternetAddress(settings.from(), settings.fromName(), StandardCharsets.UTF_8.name()));
            InternetAddress to = new InternetAddress(message.recipientAddress(), true);
            if (message.recipientName() != null) {
                to.setPersonal(message.recipientName(), StandardCharsets.UTF_8.name());
            }
            helper.setTo(to);
            helper.setSubject(message.subject());
            String link = secretLink(message);
            helper.setText(asMailed(withLink(message.bodyText(), link), message, mailLinks),
                    asMailed(withLink(message.bodyHtml(), link), message, mailLinks));
            if (message.attachment() != null) {
                helper.addAttachment(message.attachmentName(), new ByteArrayDataSource(
                        message.attachment().getBytes(StandardCharsets.UTF_8), message.attachmentType()));
            }
            if (message.kind().toFamily()) {
                familyHeaders(mime, message.id());
            }
            mime.setHeader(OUTBOX_HEADER, String.valueOf(message.id()));
            mime.setHeader("Content-Language", message.language());
            return mime;
        } catch (AddressException e) {
            return failPermanently();
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("Outbox message " + message.id() + " could not be composed", e);
        }
    }

    /**
     * RFC 8058: a mail program shows an unsubscribe button and POSTs to the https link; the mailto one (when
     * Tandem reads a replies mailbox) serves programs without it. Replies go to the message's own address.
     */
    private void familyHeaders(MimeMessage mime, long id) throws MessagingException {
        Optional<String> replyTo = mailLinks.replyAddress(id);
        String https = "<" + mailLinks.unsubscribeUrl(id) + ">";
        mime.setHeader("List-Unsubscribe", replyTo.map(address -> "<mailto:" + address + "?subject=unsubscribe>, "
                + https).orElse(https));
        mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        if (replyTo.isPresent()) {
            mime.setReplyTo(new InternetAddress[] {new InternetAddress(replyTo.get())});
        }
    }

    /** A family message's body with its unsubscribe link: as the family gets it, and as the disclosure log keeps it. */
    static String asMailed(String body, OutboxMessage message, MailLinks links) {
        return body == null || !message.kind().toFamily() ? body
                : body.replace(MailLinks.UNSUBSCRIBE_PLACE, links.unsubscribeUrl(message.id()));
    }

    /** The secret link of a message that carries one, made now (in the send job's transaction); else null. */
    private String secretLink(OutboxMessage message) {
        if (!message.bodyText().contains(SecretLinks.PLACE)) {
            return null;
        }
        return secretLinks.stream().filter(links -> links.makesFor(message.kind())).findFirst()
                .orElseThrow(() -> new IllegalStateException("No secret link for outbox message " + message.id()))
                .link(message.idempotencyKey());
    }

    private static String withLink(String body, String link) {
        return link == null || body == null ? body : body.replace(SecretLinks.PLACE, link);
    }

    private static MimeMessage failPermanently() throws DeliveryFailure {
        throw new DeliveryFailure(true, "The address is not a valid email address.", null);
    }
}
