package app.tandem.notify;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import app.tandem.directory.Role;
import app.tandem.system.DistrictClock;
import app.tandem.system.Messages;

/**
 * Mail about work that is about to be, or already is, late: a reminder to the people on a task before its due
 * date, an escalation to the school leader and then to the district's managers after it. Called inside the
 * timer's job, so the outbox rows commit (or roll back) with it. Sent whatever a person chose for task notices.
 * Each message names the due date it is about, so a task whose due date moved is reminded again for the new one.
 */
@Service
public class TaskReminders {

    static final int REMINDED_PRIORITY = 75;

    private final Recipients recipients;
    private final TaskMail taskMail;
    private final MailComposer composer;
    private final Outbox outbox;
    private final TaskService tasks;
    private final DistrictClock clock;
    private final Messages messages;

    TaskReminders(Recipients recipients, TaskMail taskMail, MailComposer composer, Outbox outbox, TaskService tasks,
                  DistrictClock clock, Messages messages) {
        this.recipients = recipients;
        this.taskMail = taskMail;
        this.composer = composer;
        this.outbox = outbox;
        this.tasks = tasks;
        this.clock = clock;
        this.messages = messages;
    }

    /** The task moves up its people's lists and carries a dated note. */
    void markReminded(Task task) {
        if (task.getPriority() < REMINDED_PRIORITY) {
            task.setPriority(REMINDED_PRIORITY);
            tasks.saveTask(task);
        }
        Date due = task.getDueDate();
        tasks.createComment(task.getId(), task.getProcessInstanceId(), messages.text(Locale.ENGLISH,
                "reminder.comment", due == null ? "" : clock.dayOf(due).toString()));
    }

    /** @return how many people were reminded */
    public int remind(Task task) {
        return remindAll(List.of(task));
    }

    /** Reminders of many tasks due together, written to the outbox at once; @return how many were written */
    public int remindAll(List<Task> due) {
        List<OutgoingMessage> reminders = new ArrayList<>();
        for (Task task : due) {
            Long schoolId = taskMail.schoolOf(task.getProcessInstanceId());
            List<Recipient> people = task.getAssignee() != null
                    ? recipients.staff(task.getAssignee()).stream().toList()
                    : recipients.candidates(task.getId(), schoolId);
            people.forEach(r -> reminders.add(message(MessageKind.REMINDER, task, schoolId, r)));
        }
        outbox.enqueueAll(reminders);
        return reminders.size();
    }

    /** The first step of an escalation; a school without a leader goes straight to the managers. */
    int escalateToSchoolLeaders(Task task) {
        Long schoolId = taskMail.schoolOf(task.getProcessInstanceId());
        if (schoolId == null) {
            return 0;
        }
        List<Recipient> leaders = recipients.membersOf(List.of(Role.SCHOOL_LEADER.groupId()), schoolId);
        if (leaders.isEmpty()) {
            return escalate(task);
        }
        leaders.forEach(r -> send(MessageKind.ESCALATION, task, schoolId, r));
        return leaders.size();
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
        outbox.enqueue(message(kind, task, schoolId, recipient));
    }

    private OutgoingMessage message(MessageKind kind, Task task, Long schoolId, Recipient recipient) {
        TaskMail.Line line = taskMail.line(task, schoolId, recipient.locale());
        Date due = task.getDueDate();
        String key = kind.template() + ":" + task.getId() + ":" + (due == null ? "" : due.getTime() + ":")
                + recipient.username();
        return composer.compose(key, kind, recipient, new Object[] {line.name(), line.school(), line.dueOn()},
                Map.of("task", line), null);
    }
}
