package app.tandem.notify;

import java.io.IOException;
import java.util.Optional;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;

import app.tandem.system.DistrictClock;

/**
 * Reads the replies mailbox over IMAP on every node. Each new mail is claimed by its Message-ID in its own
 * transaction (a unique row, so on a cluster one node handles it and the others skip it), matched to the
 * message it answers by its reply address or its In-Reply-To, and handed on as {@link MailReceived}; a mail to
 * the unsubscribe address unsubscribes. Only after the claim commits is the mail flagged seen and deleted; a
 * mail whose handling failed stays for the next read. Logs name no address and no text.
 */
@Component
@ConditionalOnProperty(name = "tandem.mail.inbox.enabled", havingValue = "true")
public class RepliesMailbox {

    private static final Logger log = LoggerFactory.getLogger(RepliesMailbox.class);

    private final InboxSettings settings;
    private final MailSettings mail;
    private final ObjectProvider<EmbeddedMailServer> embedded;
    private final InboundMails inbound;
    private final OutboxMessages outbox;
    private final MailLinks links;
    private final Unsubscribes unsubscribes;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final DistrictClock clock;

    RepliesMailbox(InboxSettings settings, MailSettings mail, ObjectProvider<EmbeddedMailServer> embedded,
                   InboundMails inbound, OutboxMessages outbox, MailLinks links, Unsubscribes unsubscribes,
                   ApplicationEventPublisher events, TransactionTemplate transaction, DistrictClock clock) {
        this.settings = settings;
        this.mail = mail;
        this.embedded = embedded;
        this.inbound = inbound;
        this.outbox = outbox;
        this.links = links;
        this.unsubscribes = unsubscribes;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${tandem.mail.inbox.poll-every}", fixedDelayString = "${tandem.mail.inbox.poll-every}")
    void poll() {
        try {
            read();
        } catch (MessagingException e) {
            log.warn("The replies mailbox could not be read: {}", SmtpConnections.clean(e.getMessage()));
        }
    }

    /** @return how many new mails this node handled */
    public synchronized int read() throws MessagingException {
        Store store = session().getStore(settings.ssl() ? "imaps" : "imap");
        EmbeddedMailServer inside = embedded.getIfAvailable();
        store.connect(inside == null ? settings.host() : EmbeddedMailServer.BIND_ADDRESS,
                inside == null ? settings.port() : inside.imapPort(), settings.username(), settings.password());
        int handled = 0;
        try {
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            try {
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    if (handle((MimeMessage) message)) {
                        handled++;
                    }
                }
            } finally {
                folder.close(true);
            }
        } finally {
            store.close();
        }
        return handled;
    }

    private boolean handle(MimeMessage message) throws MessagingException {
        IncomingMail mail;
        try {
            mail = IncomingMail.of(message);
        } catch (IOException e) {
            log.warn("A mail in the replies mailbox could not be read and stays there: {}", e.getClass().getName());
            return false;
        }
        Boolean handled;
        try {
            handled = transaction.execute(status -> claim(mail));
        } catch (DuplicateKeyException anotherNodeHasIt) {
            handled = false;
        } catch (RuntimeException e) {
            log.error("A mail in the replies mailbox could not be handled and stays for the next read", e);
            return false;
        }
        message.setFlag(Flags.Flag.SEEN, true);
        message.setFlag(Flags.Flag.DELETED, true);
        return Boolean.TRUE.equals(handled);
    }

    private boolean claim(IncomingMail mail) {
        if (inbound.known(mail.messageId())) {
            return false;
        }
        Optional<OutboxMessage> answered = answered(mail).flatMap(outbox::find);
        boolean unsubscribe = answered.isPresent() && mail.asksToUnsubscribe() && answered.get().kind().toFamily();
        inbound.claim(mail.messageId(), clock.now(), answered.map(OutboxMessage::id).orElse(null),
                unsubscribe ? InboundMails.Outcome.UNSUBSCRIBE : InboundMails.Outcome.REPLY);
        if (unsubscribe) {
            unsubscribes.unsubscribe(answered.get(), OptOutSource.MAILTO);
        } else {
            events.publishEvent(new MailReceived(mail.messageId(), answered.map(OutboxMessage::id).orElse(null),
                    answered.map(OutboxMessage::idempotencyKey).orElse(null), mail.fromAddress(), mail.fromName(),
                    mail.subject(), mail.text(), clock.now()));
        }
        return true;
    }

    /** The outbox message a mail answers: by the signed reply address it was sent to, else by In-Reply-To. */
    private Optional<Long> answered(IncomingMail mail) {
        for (String recipient : mail.recipients()) {
            Optional<Long> id = links.replyingTo(recipient);
            if (id.isPresent()) {
                return id;
            }
        }
        for (String messageId : mail.answers()) {
            Optional<Long> id = outbox.idByMessageId(messageId);
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    private Session session() {
        String protocol = settings.ssl() ? "imaps" : "imap";
        Properties properties = new Properties();
        properties.put("mail.store.protocol", protocol);
        properties.put("mail." + protocol + ".connectiontimeout", String.valueOf(mail.connectTimeout().toMillis()));
        properties.put("mail." + protocol + ".timeout", String.valueOf(mail.readTimeout().toMillis()));
        properties.put("mail." + protocol + ".writetimeout", String.valueOf(mail.writeTimeout().toMillis()));
        return Session.getInstance(properties);
    }
}
