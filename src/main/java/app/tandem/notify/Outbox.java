package app.tandem.notify;

import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.tandem.system.Paged;
import app.tandem.system.DistrictClock;

/**
 * The one way out for every message: a row first, then a small deliver-message process whose send
 * job runs on Camunda's job executor (so any node of a cluster may send it, once). Enqueueing the
 * same idempotency key again returns the existing row and starts nothing.
 */
@Service
public class Outbox {

    private final OutboxMessages messages;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final DistrictClock clock;
    private final MailLinks links;

    /** A sent message's subject and plain text as its recipient got them. */
    public record MailedText(String subject, String text) {
    }

    Outbox(OutboxMessages messages, RuntimeService runtime, ManagementService management, DistrictClock clock,
           MailLinks links) {
        this.links = links;
        this.messages = messages;
        this.runtime = runtime;
        this.management = management;
        this.clock = clock;
    }

    /** @return the id of the outbox row for the message's key, new or already there */
    @Transactional
    public long enqueue(OutgoingMessage message) {
        Optional<Long> existing = messages.idByKey(message.idempotencyKey());
        if (existing.isPresent()) {
            return existing.get();
        }
        long id = messages.insert(message, clock.now());
        String processInstanceId = runtime.startProcessInstanceByKey(DeliverMessage.PROCESS_KEY, "outbox-" + id,
                Variables.createVariables().putValue(DeliverMessage.OUTBOX_MESSAGE_ID, id)).getId();
        messages.recordProcessInstance(id, processInstanceId);
        return id;
    }

    public Optional<OutboxMessage> find(long id) {
        return messages.find(id);
    }

    /** The subject and text of a sent message as mailed (a family message with its unsubscribe link), if sent. */
    public Optional<MailedText> mailedText(long id) {
        return messages.find(id).filter(message -> message.status() == OutboxStatus.SENT)
                .map(message -> new MailedText(message.subject(), SendMessage.asMailed(message.bodyText(), message, links)));
    }

    public List<OutboxMessage> search(OutboxStatus status, MessageKind kind, String recipient, boolean stuckOnly,
                                      int limit) {
        List<String> stuck = stuckOnly ? stuckProcessInstances() : null;
        return messages.search(status, kind, recipient, stuck, limit);
    }

    /** One page of the messages the filter finds, newest first. */
    public Paged<OutboxMessage> page(OutboxStatus status, MessageKind kind, String recipient, boolean stuckOnly,
                                     int page, int size) {
        List<String> stuck = stuckOnly ? stuckProcessInstances() : null;
        long total = messages.count(status, kind, recipient, stuck);
        int number = Paged.within(page, size, total);
        long offset = (long) (number - 1) * size;
        return new Paged<>(messages.search(status, kind, recipient, stuck, offset, size), number, size, total);
    }

    /** Messages whose retries ran out: their deliver-message instance has an open incident. */
    public List<String> stuckProcessInstances() {
        return runtime.createIncidentQuery().processDefinitionKeyIn(DeliverMessage.PROCESS_KEY).list().stream()
                .map(Incident::getProcessInstanceId)
                .distinct()
                .toList();
    }

    public Optional<Incident> incidentOf(OutboxMessage message) {
        if (message.processInstanceId() == null) {
            return Optional.empty();
        }
        return runtime.createIncidentQuery().processInstanceId(message.processInstanceId()).list().stream()
                .findFirst();
    }

    /** The send job of a message still waiting, if any: its retries left and when it runs next. */
    public Optional<Job> sendJobOf(OutboxMessage message) {
        if (message.processInstanceId() == null || !message.status().awaitsSending()) {
            return Optional.empty();
        }
        return management.createJobQuery().processInstanceId(message.processInstanceId())
                .activityId(DeliverMessage.SEND_MESSAGE).list().stream().findFirst();
    }

    /**
     * Sends a waiting message at the next chance: resolves its incident (one more try) or brings a
     * pending retry forward. A message already sent is never sent again.
     *
     * @return whether there was anything to retry
     */
    @Transactional
    public boolean retryNow(long id) {
        Optional<OutboxMessage> message = messages.find(id);
        if (message.isEmpty() || !message.get().status().awaitsSending()) {
            return false;
        }
        Optional<Job> job = sendJobOf(message.get());
        if (job.isEmpty()) {
            return false;
        }
        if (job.get().getRetries() == 0) {
            management.setJobRetries(job.get().getId(), 1);
        }
        management.setJobDuedate(job.get().getId(), Date.from(clock.now()));
        return true;
    }
}
