package app.tandem.notify;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * For tests of any feature: what the outbox holds for someone, sending it, and what arrived. Only
 * where the embedded mail server runs (a benchmark node mails a server of the benchmark's own).
 */
@Component
@ConditionalOnProperty(name = "tandem.mail.embedded.enabled", havingValue = "true")
public class Mailroom {

    private final OutboxMessages messages;
    private final ManagementService management;
    private final EmbeddedMailServer server;

    Mailroom(OutboxMessages messages, ManagementService management, EmbeddedMailServer server) {
        this.messages = messages;
        this.management = management;
        this.server = server;
    }

    public List<OutboxMessage> queuedFor(String username) {
        return messages.ofRecipient(username);
    }

    public List<OutboxMessage> queuedFor(String username, MessageKind kind) {
        return messages.ofRecipient(username).stream().filter(m -> m.kind() == kind).toList();
    }

    /** Runs the message's send job and the step after it, as the job executor would. */
    public void deliver(OutboxMessage message) {
        for (int step = 0; step < 2; step++) {
            // Its async steps only: a refused message's fix task has reminder timers too.
            Job job = management.createJobQuery().processInstanceId(message.processInstanceId()).messages()
                    .singleResult();
            if (job == null) {
                return;
            }
            management.executeJob(job.getId());
        }
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
