package app.tandem.notify;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.tandem.directory.DistrictSettings;
import app.tandem.directory.StaffDirectory;
import app.tandem.system.DistrictClock;

/**
 * Queues one digest per person who chose it and has open tasks: overdue, due soon and other open
 * tasks, assigned to them or offered to their groups at their schools. The key digest:USER:DAY
 * makes a second run on the same day (another node, a redeployed timer) queue nothing new.
 */
@Component("sendDailyDigests")
class SendDailyDigests implements JavaDelegate {

    /** One part of a digest in the template: its name picks the heading. */
    record Part(String name, List<TaskMail.Line> tasks) {
    }

    private final JdbcClient jdbc;
    private final TaskService tasks;
    private final IdentityService identity;
    private final NotificationPreferences preferences;
    private final TaskMail taskMail;
    private final MailComposer composer;
    private final Outbox outbox;
    private final DistrictClock clock;
    private final DistrictSettings settings;

    private final OfferedTasks offeredTasks;
    private final StaffDirectory staff;

    SendDailyDigests(JdbcClient jdbc, TaskService tasks, IdentityService identity, NotificationPreferences preferences,
                     TaskMail taskMail, MailComposer composer, Outbox outbox, DistrictClock clock,
                     DistrictSettings settings, OfferedTasks offeredTasks, StaffDirectory staff) {
        this.offeredTasks = offeredTasks;
        this.staff = staff;
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.identity = identity;
        this.preferences = preferences;
        this.taskMail = taskMail;
        this.composer = composer;
        this.outbox = outbox;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, TaskPreferences> chosen = preferences.allChosen();
        Map<Long, Period> dueSoonByDistrict = new HashMap<>();
        List<StaffRecipient> staff = jdbc.sql("select username, full_name, email, preferred_language, district_id "
                        + "from staff_member where active order by username")
                .query((rs, n) -> new StaffRecipient(new Recipient(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4)), rs.getLong(5)))
                .list();
        for (StaffRecipient member : staff) {
            TaskPreferences choice = chosen.getOrDefault(member.person().username(), TaskPreferences.DEFAULTS);
            if (choice.wantsDigest()) {
                Period dueSoon = dueSoonByDistrict.computeIfAbsent(member.districtId(), settings::dueSoonWithin);
                digest(member.person(), choice, clock.forDistrict(member.districtId()), dueSoon);
            }
        }
    }

    private record StaffRecipient(Recipient person, long districtId) {
    }

    /** @param clock the person's district's clock: their today, their due days */
    private void digest(Recipient person, TaskPreferences choice, DistrictClock clock, Period dueSoonWithin) {
        Map<String, Task> open = new LinkedHashMap<>();
        if (choice.assigned() != Delivery.NEVER) {
            tasks.createTaskQuery().taskAssignee(person.username()).list().forEach(t -> open.put(t.getId(), t));
        }
        if (choice.offered() != Delivery.NEVER) {
            offeredTo(person.username()).forEach(t -> open.putIfAbsent(t.getId(), t));
        }
        if (open.isEmpty()) {
            return;
        }
        Locale locale = person.locale();
        LocalDate today = clock.today();
        Date now = Date.from(clock.now());
        Date soon = clock.endOf(today.plus(dueSoonWithin));
        List<TaskMail.Line> overdue = new ArrayList<>();
        List<TaskMail.Line> dueSoon = new ArrayList<>();
        List<TaskMail.Line> other = new ArrayList<>();
        open.values().stream()
                .sorted(Comparator.comparing(Task::getDueDate, Comparator.nullsLast(Comparator.naturalOrder())))
                .forEach(task -> {
                    TaskMail.Line line = taskMail.line(task, taskMail.schoolOf(task.getProcessInstanceId()), locale);
                    Date due = task.getDueDate();
                    if (due != null && due.before(now)) {
                        overdue.add(line);
                    } else if (due != null && !due.after(soon)) {
                        dueSoon.add(line);
                    } else {
                        other.add(line);
                    }
                });
        List<Part> parts = new ArrayList<>();
        if (!overdue.isEmpty()) {
            parts.add(new Part("overdue", overdue));
        }
        if (!dueSoon.isEmpty()) {
            parts.add(new Part("dueSoon", dueSoon));
        }
        if (!other.isEmpty()) {
            parts.add(new Part("open", other));
        }
        String day = MailComposer.day(today, locale);
        outbox.enqueue(composer.compose(MessageKind.DAILY_DIGEST.template() + ":" + person.username() + ":" + today,
                MessageKind.DAILY_DIGEST, person, new Object[] {day}, Map.of("digest", Map.of("day", day, "parts", parts)),
                null));
    }

    /** Unassigned tasks offered to the person's groups at the person's schools, and school-less ones. */
    private List<Task> offeredTo(String username) {
        List<String> groups = identity.createGroupQuery().groupMember(username).list().stream().map(Group::getId).toList();
        List<Task> offered = new ArrayList<>(tasks.createTaskQuery().taskCandidateUser(username).withoutCandidateGroups().list());
        if (groups.isEmpty()) {
            return offered;
        }
        List<Long> schools = List.copyOf(staff.workplaceOf(username).schoolIds());
        // The tasklist's table of offers answers per school and group at once, without Camunda's variable joins.
        List<String> offeredAtSchools = offeredTasks.taskIds(groups, schools);
        for (int from = 0; from < offeredAtSchools.size(); from += 500) {
            offered.addAll(tasks.createTaskQuery()
                    .taskIdIn(offeredAtSchools.subList(from, Math.min(offeredAtSchools.size(), from + 500))
                            .toArray(String[]::new))
                    .list());
        }
        offered.addAll(tasks.createTaskQuery().taskCandidateGroupIn(groups)
                .processDefinitionKey(DeliverMessage.PROCESS_KEY).list());
        return offered;
    }
}
