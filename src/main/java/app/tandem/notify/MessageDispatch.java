package app.tandem.notify;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import java.time.Duration;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;

import app.tandem.system.DistrictClock;

/**
 * Sends one outbox message a node has claimed (see {@link OutboxSender}), at most once: the row is marked sent in
 * its own small transaction as soon as the mail server accepts it, and only while the claim still holds it. Then
 * the features that care are told ({@link MessageDelivered}) in a transaction of their own: if that fails, the row
 * stays sent and only the telling is tried again. A temporary failure keeps the row waiting for the next wait of
 * tandem.mail.retry-cycle; when they have run out, or when the server refuses the message for good, the message goes
 * to a person through a deliver-message instance (an incident, or "Fix the contact details"). A message to an
 * address that unsubscribed meanwhile is withheld, not sent. Exceptions and logs name the row id only.
 */
@Component
class MessageDispatch {

    static final String OUTBOX_HEADER = "X-Tandem-Outbox-Id";

    /** What became of a claimed row. */
    enum Outcome { SENT, RECORDED, WITHHELD, WAITING, STUCK, REFUSED, NOT_OURS }

    private static final Logger LOG = LoggerFactory.getLogger(MessageDispatch.class);

    private final OutboxMessages messages;
    private final SmtpConnections smtp;
    private final MailSettings settings;
    private final TransactionTemplate separateTransaction;
    private final DistrictClock clock;
    private final List<SecretLinks> secretLinks;
    private final MailLinks mailLinks;
    private final MailOptOuts optOuts;
    private final ApplicationEventPublisher events;
    private final RuntimeService runtime;

    MessageDispatch(OutboxMessages messages, SmtpConnections smtp, MailSettings settings,
                    TransactionTemplate transactionTemplate, DistrictClock clock, List<SecretLinks> secretLinks,
                    MailLinks mailLinks, MailOptOuts optOuts, ApplicationEventPublisher events, RuntimeService runtime) {
        this.secretLinks = secretLinks;
        this.mailLinks = mailLinks;
        this.optOuts = optOuts;
        this.events = events;
        this.messages = messages;
        this.smtp = smtp;
        this.settings = settings;
        this.clock = clock;
        this.runtime = runtime;
        this.separateTransaction = new TransactionTemplate(transactionTemplate.getTransactionManager());
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Sends (or, for a sent row whose features were not told yet, tells them) a row held by {@code claim}; the row
     * keeps the name of the {@code node} that sent it.
     */
    Outcome dispatch(OutboxMessage message, String claim, String node) {
        Outcome outcome = send(message, claim, node);
        if (outcome == Outcome.SENT) {
            record(message);
        }
        return outcome;
    }

    /**
     * As {@link #dispatch}, but a message sent now is not recorded yet: the caller tells the features about a batch
     * of them at once ({@link #recordAll}). Until then the row waits for its claim's lease, so another node tells
     * them if this one dies first.
     */
    Outcome send(OutboxMessage message, String claim, String node) {
        if (message.status() == OutboxStatus.SENT) {
            return record(message) ? Outcome.RECORDED : Outcome.WAITING;
        }
        if (!message.status().awaitsSending()) {
            messages.recorded(message.id());
            return Outcome.NOT_OURS;
        }
        long id = message.id();
        Instant now = clock.now();
        Optional<MailOptOuts.OptOut> optedOut = optOuts.current(message.recipientAddress());
        if (optedOut.isPresent()) {
            separateTransaction.executeWithoutResult(tx -> {
                messages.markWithheld(id, now, "Withheld: the address unsubscribed on "
                        + clock.dayOf(java.util.Date.from(optedOut.get().at())) + ".");
                events.publishEvent(new MessageWithheld(id, message.kind(), message.idempotencyKey()));
            });
            return Outcome.WITHHELD;
        }
        AtomicBoolean markedSent = new AtomicBoolean();
        try {
            MimeMessage mime = mime(message);
            // The sent mark commits just before the end of the data goes out (SentMarkingTransport): a node killed
            // after it can never mail the message a second time.
            smtp.send(mime, () -> {
                String messageId = messageIdOf(mime);
                if (!separateTransaction.execute(tx -> messages.markSent(id, claim, node, now, messageId))) {
                    throw new ClaimRanOut();
                }
                markedSent.set(true);
            });
        } catch (ClaimRanOut ranOut) {
            LOG.warn("Outbox message {} not sent: its claim had run out", id);
            return Outcome.NOT_OURS;
        } catch (DeliveryFailure failure) {
            if (markedSent.get() && !failure.answered()) {
                LOG.warn("Outbox message {}: the connection broke after the end of the message went out; kept as sent, "
                        + "never sent twice", id);
                return Outcome.SENT;
            }
            notAcceptedAfterAll(message, claim, markedSent);
            return failure.permanent() ? refused(message, now, failure.reason()) : notSentYet(message, now, failure.reason());
        } catch (RuntimeException e) {
            LOG.error("Outbox message {} could not be composed or sent", id, e);
            notAcceptedAfterAll(message, claim, markedSent);
            return notSentYet(message, now, "Tandem could not compose or send it: " + e.getClass().getSimpleName());
        }
        return Outcome.SENT;
    }

    /**
     * Tells the features about messages just sent, in one transaction; when that fails, each one on its own, so one
     * feature's failure delays only its own message's record.
     */
    void recordAll(List<OutboxMessage> sent) {
        if (sent.isEmpty()) {
            return;
        }
        try {
            separateTransaction.executeWithoutResult(tx -> {
                sent.forEach(this::tell);
                messages.recorded(sent.stream().map(OutboxMessage::id).toList());
            });
        } catch (RuntimeException e) {
            sent.forEach(this::record);
        }
    }

    private void tell(OutboxMessage message) {
        endWaitUntilSent(message);
        events.publishEvent(new MessageDelivered(message.id(), message.kind(), message.idempotencyKey(),
                message.recipientUsername()));
    }

    private void notAcceptedAfterAll(OutboxMessage message, String claim, AtomicBoolean markedSent) {
        if (markedSent.get()) {
            separateTransaction.executeWithoutResult(tx -> messages.notAcceptedAfterAll(message.id(), message.status(), claim));
        }
    }

    private static String messageIdOf(MimeMessage mime) {
        try {
            return mime.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException("A saved message has no Message-ID", e);
        }
    }

    /** The claim on a row ran out before its end went to the server: another node may hold it now. */
    private static final class ClaimRanOut extends RuntimeException {
        ClaimRanOut() {
            super(null, null, false, false);
        }
    }

    /** Tells the features (and ends a stuck message's wait); @return whether they took it (else tried again later) */
    private boolean record(OutboxMessage message) {
        try {
            separateTransaction.executeWithoutResult(tx -> {
                tell(message);
                messages.recorded(message.id());
            });
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Recording the delivery of outbox message {} failed; tried again later", message.id(), e);
            separateTransaction.executeWithoutResult(tx -> messages.recordPending(message.id(), clock.now()
                    .plus(settings.retryWaits().stream().findFirst().orElse(Duration.ofMinutes(1)))));
            return false;
        }
    }

    private Outcome refused(OutboxMessage message, Instant now, String reason) {
        separateTransaction.executeWithoutResult(tx -> {
            messages.markRefused(message.id(), now, reason);
            Optional<String> waiting = waitingUntilSent(message);
            if (waiting.isPresent()) {
                runtime.createMessageCorrelation(DeliverMessage.REFUSED_AGAIN_MESSAGE).processInstanceId(waiting.get())
                        .correlate();
                return;
            }
            ProcessInstance instance = runtime.createMessageCorrelation(DeliverMessage.REFUSED_MESSAGE)
                    .processInstanceBusinessKey(DeliverMessage.businessKey(message.id()))
                    .setVariable(DeliverMessage.OUTBOX_MESSAGE_ID, message.id())
                    .correlateStartMessage();
            messages.recordProcessInstance(message.id(), instance.getId());
        });
        return Outcome.REFUSED;
    }

    /** Waits for the next retry; when there is none, an incident on the message's instance says it is stuck. */
    private Outcome notSentYet(OutboxMessage message, Instant now, String reason) {
        List<Duration> waits = settings.retryWaits();
        int failures = message.failures() + 1;
        Instant next = failures <= waits.size() ? now.plus(waits.get(failures - 1)) : null;
        return separateTransaction.execute(tx -> {
            messages.recordTemporaryFailure(message.id(), now, reason, next);
            if (next != null) {
                return Outcome.WAITING;
            }
            String instanceId = waitingUntilSent(message)
                    .orElseGet(() -> runtime.createMessageCorrelation(DeliverMessage.STUCK_MESSAGE)
                            .processInstanceBusinessKey(DeliverMessage.businessKey(message.id()))
                            .setVariable(DeliverMessage.OUTBOX_MESSAGE_ID, message.id())
                            .correlateStartMessage().getId());
            messages.recordProcessInstance(message.id(), instanceId);
            Execution waiting = runtime.createExecutionQuery().processInstanceId(instanceId)
                    .activityId(DeliverMessage.WAIT_UNTIL_SENT).singleResult();
            runtime.createIncident(DeliverMessage.STUCK_INCIDENT, waiting.getId(), DeliverMessage.businessKey(message.id()),
                    new MessageNotSentException(message.id(), reason).getMessage());
            return Outcome.STUCK;
        });
    }

    private Optional<String> waitingUntilSent(OutboxMessage message) {
        if (message.processInstanceId() == null) {
            return Optional.empty();
        }
        return runtime.createExecutionQuery().processInstanceId(message.processInstanceId())
                .activityId(DeliverMessage.WAIT_UNTIL_SENT).list().stream()
                .map(Execution::getProcessInstanceId).findFirst();
    }

    /** A message that was stuck went out after all: its instance ends. */
    private void endWaitUntilSent(OutboxMessage message) {
        if (message.processInstanceId() != null) {
            runtime.createMessageCorrelation(DeliverMessage.SENT_MESSAGE)
                    .processInstanceId(message.processInstanceId())
                    .correlateAllWithResult();
        }
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

    /** The secret link of a message that carries one, made now, just before it is sent; else null. */
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
