package app.tandem.notify;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import app.tandem.system.Paged;
import app.tandem.system.DistrictClock;

/**
 * The one way out for every message: a row, which the {@link OutboxSender} of any node of a cluster sends once.
 * Enqueueing the same idempotency key again returns the existing row. Only a message that fails for good gets a
 * deliver-message instance: an incident when its retries ran out, a liaison's task when it was refused.
 */
@Service
public class Outbox {

    private final OutboxMessages messages;
    private final RuntimeService runtime;
    private final DistrictClock clock;
    private final MailLinks links;
    private final MailSettings settings;
    /** Lazily: the sender's dispatch makes secret links, whose mail comes back through this outbox. */
    private final ObjectProvider<OutboxSender> sender;

    /** A sent message's subject and plain text as its recipient got them. */
    public record MailedText(String subject, String text) {
    }

    /** A message still waiting: when it is tried next (null: its retries ran out) and how many retries are left. */
    public record PendingSend(Instant nextAttemptAt, int retriesLeft) {
    }

    Outbox(OutboxMessages messages, RuntimeService runtime, DistrictClock clock, MailLinks links, MailSettings settings,
           ObjectProvider<OutboxSender> sender) {
        this.links = links;
        this.messages = messages;
        this.runtime = runtime;
        this.clock = clock;
        this.settings = settings;
        this.sender = sender;
    }

    /** @return the id of the outbox row for the message's key, new or already there */
    @Transactional
    public long enqueue(OutgoingMessage message) {
        Optional<Long> existing = messages.idByKey(message.idempotencyKey());
        if (existing.isPresent()) {
            return existing.get();
        }
        long id = messages.insert(message, clock.now());
        wakeSenderAfterCommit();
        return id;
    }

    /**
     * Many messages at once (reminders of timers that fell due together), written in JDBC batches; a key already
     * in the outbox, or twice in the list, makes no second row.
     *
     * @return the ids of the rows for the messages' keys, in their order
     */
    @Transactional
    public List<Long> enqueueAll(List<OutgoingMessage> all) {
        List<String> keys = all.stream().map(OutgoingMessage::idempotencyKey).distinct().toList();
        Map<String, Long> ids = messages.idsByKeys(keys);
        Map<String, OutgoingMessage> fresh = new LinkedHashMap<>();
        all.stream().filter(message -> !ids.containsKey(message.idempotencyKey()))
                .forEach(message -> fresh.putIfAbsent(message.idempotencyKey(), message));
        if (!fresh.isEmpty()) {
            messages.insertAll(List.copyOf(fresh.values()), clock.now());
            ids.putAll(messages.idsByKeys(List.copyOf(fresh.keySet())));
            wakeSenderAfterCommit();
        }
        return all.stream().map(message -> ids.get(message.idempotencyKey())).toList();
    }

    private void wakeSenderAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sender.getObject().wake();
                }
            });
        } else {
            sender.getObject().wake();
        }
    }

    public Optional<OutboxMessage> find(long id) {
        return messages.find(id);
    }

    /** The subject and text of a sent message as mailed (a family message with its unsubscribe link), if sent. */
    public Optional<MailedText> mailedText(long id) {
        return messages.find(id).filter(message -> message.status() == OutboxStatus.SENT)
                .map(message -> new MailedText(message.subject(), MessageDispatch.asMailed(message.bodyText(), message, links)));
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

    /** A message still waiting to be sent: when it is tried next and how many retries it has left. */
    public Optional<PendingSend> pendingSend(OutboxMessage message) {
        if (!message.status().awaitsSending()) {
            return Optional.empty();
        }
        int retries = Math.max(0, settings.retryWaits().size() + 1 - message.failures());
        return Optional.of(new PendingSend(message.nextAttemptAt(), message.nextAttemptAt() == null ? 0 : retries));
    }

    /**
     * Sends a waiting message at the next chance: a stuck one gets one more try (its incident resolved), a pending
     * retry is brought forward. A message already sent is never sent again.
     *
     * @return whether there was anything to retry
     */
    @Transactional
    public boolean retryNow(long id) {
        Optional<OutboxMessage> message = messages.find(id);
        if (message.isEmpty() || !message.get().status().awaitsSending()) {
            return false;
        }
        Optional<Incident> incident = incidentOf(message.get());
        int failures = incident.isPresent() ? settings.retryWaits().size() : message.get().failures();
        if (!messages.bringForward(id, clock.now(), failures)) {
            return false;
        }
        incident.filter(open -> DeliverMessage.STUCK_INCIDENT.equals(open.getIncidentType()))
                .ifPresent(open -> runtime.resolveIncident(open.getId()));
        wakeSenderAfterCommit();
        return true;
    }
}
