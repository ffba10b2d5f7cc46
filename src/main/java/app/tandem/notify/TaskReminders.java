package app.tandem.notify;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import app.tandem.directory.Role;
import app.tandem.directory.Schools;
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
    private final Schools schoolDirectory;

    TaskReminders(Recipients recipients, TaskMail taskMail, MailComposer composer, Outbox outbox, TaskService tasks,
                  DistrictClock clock, Messages messages, Schools schoolDirectory) {
        this.recipients = recipients;
        this.schoolDirectory = schoolDirectory;
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

    /**
     * Reminders of many tasks due together, written to the outbox at once: their schools and people looked up
     * together, their text rendered once per language; @return how many were written
     */
    public int remindAll(List<Task> due) {
        Map<String, Long> schoolOfInstance = taskMail.schoolsOf(due.stream().map(Task::getProcessInstanceId).toList());
        Map<String, Long> schools = new HashMap<>();
        due.stream().filter(task -> task.getProcessInstanceId() != null)
                .forEach(task -> schools.put(task.getId(), schoolOfInstance.get(task.getProcessInstanceId())));
        Map<String, List<Recipient>> people = recipients.ofTasks(due, schools);
        Map<Long, String> schoolNames = schoolDirectory.namesOf(schoolOfInstance.values().stream()
                .filter(Objects::nonNull).distinct().toList());
        TaskMailBatch batch = new TaskMailBatch(composer);
        List<OutgoingMessage> reminders = new ArrayList<>();
        for (Task task : due) {
            String school = schoolNames.getOrDefault(schools.get(task.getId()), "");
            people.get(task.getId()).forEach(r -> reminders.add(message(MessageKind.REMINDER, task, school, r, batch)));
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
        send(task, schoolId, leaders);
        return leaders.size();
    }

    /** @return how many managers were told */
    public int escalate(Task task) {
        Long schoolId = taskMail.schoolOf(task.getProcessInstanceId());
        if (schoolId == null) {
            return 0;
        }
        List<Recipient> managers = recipients.managersOfSchool(schoolId);
        send(task, schoolId, managers);
        return managers.size();
    }

    private void send(Task task, long schoolId, List<Recipient> people) {
        String school = recipients.schoolName(schoolId).orElse("");
        TaskMailBatch batch = new TaskMailBatch(composer);
        people.forEach(r -> outbox.enqueue(message(MessageKind.ESCALATION, task, school, r, batch)));
    }

    private OutgoingMessage message(MessageKind kind, Task task, String school, Recipient recipient,
                                    TaskMailBatch batch) {
        TaskMail.Line line = taskMail.line(task, school, recipient.locale());
        Date due = task.getDueDate();
        String key = kind.template() + ":" + task.getId() + ":" + (due == null ? "" : due.getTime() + ":")
                + recipient.username();
        return batch.compose(key, kind, recipient, new Object[] {line.name(), line.school(), line.dueOn()}, line);
    }
}
