package app.tandem.notify;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Mail from the school program's boundary timers: a reminder to the people on a task before its
 * due date, an escalation to the district's managers after it. Called inside the timer's job, so
 * the outbox rows commit (or roll back) with it. Sent whatever a person chose for task notices:
 * these are about work that is about to be, or already is, late.
 */
@Service
public class TaskReminders {

    private final Recipients recipients;
    private final TaskMail taskMail;
    private final MailComposer composer;
    private final Outbox outbox;

    TaskReminders(Recipients recipients, TaskMail taskMail, MailComposer composer, Outbox outbox) {
        this.recipients = recipients;
        this.taskMail = taskMail;
        this.composer = composer;
        this.outbox = outbox;
    }

    /** @return how many people were reminded */
    public int remind(Task task) {
        Long schoolId = taskMail.schoolOf(task.getProcessInstanceId());
        List<Recipient> people = task.getAssignee() != null
                ? recipients.staff(task.getAssignee()).stream().toList()
                : recipients.candidates(task.getId(), schoolId);
        people.forEach(r -> send(MessageKind.REMINDER, task, schoolId, r));
        return people.size();
    }

    /** @return how many managers were told */
    public int escalate(Task task) {
        Long schoolId = taskMail.schoolOf(task.getProcessInstanceId());
        if (schoolId == null) {
            return 0;
        }
        List<Recipient> managers = recipients.managersOfSchool(schoolId);
        managers.forEach(r -> send(MessageKind.ESCALATION, task, schoolId, r));
        return managers.size();
    }

    private void send(MessageKind kind, Task task, Long schoolId, Recipient recipient) {
        TaskMail.Line line = taskMail.line(task, schoolId, recipient.locale());
        String key = kind.template() + ":" + task.getId() + ":" + recipient.username();
        outbox.enqueue(composer.compose(key, kind, recipient, new Object[] {line.name(), line.school(), line.dueOn()},
                Map.of("task", line), null));
    }
}
