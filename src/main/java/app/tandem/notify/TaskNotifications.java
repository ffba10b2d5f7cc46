package app.tandem.notify;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.spring.boot.starter.event.TaskEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells people of a task assigned to them or offered to their group, as each of them chose. Acts on
 * the engine's task events only after the engine's transaction committed, so a rolled-back
 * completion or claim never mails anyone; the mail itself goes through the outbox.
 */
@Component
class TaskNotifications {

    private static final Logger log = LoggerFactory.getLogger(TaskNotifications.class);

    private final TaskService tasks;
    private final IdentityService identity;
    private final Recipients recipients;
    private final NotificationPreferences preferences;
    private final TaskMail taskMail;
    private final MailComposer composer;
    private final Outbox outbox;
    private final TransactionTemplate newTransaction;

    TaskNotifications(TaskService tasks, IdentityService identity, Recipients recipients,
                      NotificationPreferences preferences, TaskMail taskMail, MailComposer composer, Outbox outbox,
                      TransactionTemplate transactionTemplate) {
        this.tasks = tasks;
        this.identity = identity;
        this.recipients = recipients;
        this.preferences = preferences;
        this.taskMail = taskMail;
        this.composer = composer;
        this.outbox = outbox;
        this.newTransaction = new TransactionTemplate(transactionTemplate.getTransactionManager());
        this.newTransaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onTaskEvent(TaskEvent event) {
        boolean created = "create".equals(event.getEventName());
        if (!created && !"assignment".equals(event.getEventName())) {
            return;
        }
        if (created && event.getAssignee() == null && !preferences.anyoneWantsOfferedTasksAtOnce()) {
            // Offered, and nobody wants offers at once: the digest will tell them; skip the lookups.
            return;
        }
        String actor = currentUser();
        try {
            newTransaction.executeWithoutResult(status -> {
                Task task = tasks.createTaskQuery().taskId(event.getId()).singleResult();
                if (task == null) {
                    return;
                }
                Long schoolId = taskMail.schoolOf(task.getProcessInstanceId());
                if (task.getAssignee() != null) {
                    assigned(task, schoolId, actor);
                } else if (created) {
                    offered(task, schoolId, actor);
                }
            });
        } catch (RuntimeException e) {
            log.warn("Could not queue the notifications of task {}", event.getId(), e);
        }
    }

    private void assigned(Task task, Long schoolId, String actor) {
        if (task.getAssignee().equals(actor)) {
            return;
        }
        recipients.staff(task.getAssignee())
                .filter(r -> preferences.of(r.username()).assigned() == Delivery.IMMEDIATE)
                .ifPresent(r -> send(MessageKind.TASK_ASSIGNED, task, schoolId, r));
    }

    private void offered(Task task, Long schoolId, String actor) {
        for (Recipient r : recipients.candidates(task.getId(), schoolId)) {
            if (!r.username().equals(actor) && preferences.of(r.username()).offered() == Delivery.IMMEDIATE) {
                send(MessageKind.TASK_OFFERED, task, schoolId, r);
            }
        }
    }

    private void send(MessageKind kind, Task task, Long schoolId, Recipient recipient) {
        TaskMail.Line line = taskMail.line(task, schoolId, recipient.locale());
        String key = kind.template() + ":" + task.getId() + ":" + recipient.username();
        outbox.enqueue(composer.compose(key, kind, recipient, new Object[] {line.name(), line.school()},
                Map.of("task", line), null));
    }

    private String currentUser() {
        Authentication authentication = identity.getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}
