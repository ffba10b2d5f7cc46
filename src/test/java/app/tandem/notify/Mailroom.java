package app.tandem.notify;

import java.util.Arrays;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import app.tandem.system.DistrictClock;

/**
 * For tests of any feature: what the outbox holds for someone, sending it, and what arrived. Only
 * where the embedded mail server runs (a benchmark node mails a server of the benchmark's own).
 */
@Component
@ConditionalOnProperty(name = "tandem.mail.embedded.enabled", havingValue = "true")
public class Mailroom {

    private final OutboxMessages messages;
    private final OutboxSender sender;
    private final DistrictClock clock;
    private final EmbeddedMailServer server;

    Mailroom(OutboxMessages messages, OutboxSender sender, DistrictClock clock, EmbeddedMailServer server) {
        this.messages = messages;
        this.sender = sender;
        this.clock = clock;
        this.server = server;
    }

    public List<OutboxMessage> queuedFor(String username) {
        return messages.ofRecipient(username);
    }

    public List<OutboxMessage> queuedFor(String username, MessageKind kind) {
        return messages.ofRecipient(username).stream().filter(m -> m.kind() == kind).toList();
    }

    /** Sends the message now, as the outbox's sender does when it falls due (a retry is brought forward). */
    public void deliver(OutboxMessage message) {
        OutboxMessage now = messages.find(message.id()).orElseThrow();
        if (now.nextAttemptAt() != null && now.nextAttemptAt().isAfter(clock.now())) {
            messages.bringForward(now.id(), clock.now(), now.failures());
        }
        sender.sendIfDue(message.id());
    }

    public void deliver(List<OutboxMessage> all) {
        all.forEach(this::deliver);
    }

    public List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(server.receivedMessages()).filter(m -> sentTo(m, address)).toList();
    }

    private static boolean sentTo(MimeMessage message, String address) {
        try {
            for (Address to : message.getAllRecipients()) {
                if (to instanceof InternetAddress internet && address.equalsIgnoreCase(internet.getAddress())) {
                    return true;
                }
            }
            return false;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
