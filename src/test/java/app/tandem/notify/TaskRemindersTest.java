package app.tandem.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.tandem.TandemTest;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.program.ProgramFixture;
import app.tandem.program.SchoolProgram;

/** Reminders of many tasks at once are the messages each task's own look-ups and templates give. */
@TandemTest
class TaskRemindersTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 8, 2);

    @Autowired
    ProgramFixture fixture;
    @Autowired
    StaffDirectory staff;
    @Autowired
    TaskService tasks;
    @Autowired
    TaskReminders reminders;
    @Autowired
    TaskMail taskMail;
    @Autowired
    Recipients recipients;
    @Autowired
    MailComposer composer;
    @Autowired
    Outbox outbox;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldRemindEachPersonOfABatchMixingSchoolsAndAssignedAndOfferedTasksAsOneTaskAtATimeWould() {
        fixture.today(TODAY);
        School north = fixture.newSchool();
        School south = fixture.newSchool();
        String n = UUID.randomUUID().toString().substring(0, 8);
        String both = coordinator("both-" + n, "Ana O'Neil <A&B>", "es", north, south);
        String northOnly = coordinator("north-" + n, "Nora North", "en", north);
        String southOnly = coordinator("south-" + n, "Sam South", "en", south);
        Task northOffered = alignmentMeeting(north);
        Task southOffered = alignmentMeeting(south);
        Task elsewhereAssigned = alignmentMeeting(fixture.newSchool());
        tasks.setAssignee(elsewhereAssigned.getId(), southOnly);
        List<Task> batch = tasks.createTaskQuery()
                .taskIdIn(northOffered.getId(), southOffered.getId(), elsewhereAssigned.getId()).list();

        int written = reminders.remindAll(batch);

        Map<String, List<String>> people = new LinkedHashMap<>();
        List<OutgoingMessage> oneByOne = new ArrayList<>();
        for (Task task : batch) {
            Long schoolId = taskMail.schoolOf(task.getProcessInstanceId());
            List<Recipient> found = task.getAssignee() != null ? recipients.staff(task.getAssignee()).stream().toList()
                    : recipients.candidates(task.getId(), schoolId);
            people.put(task.getId(), found.stream().map(Recipient::username).toList());
            for (Recipient recipient : found) {
                TaskMail.Line line = taskMail.line(task, schoolId, recipient.locale());
                Date due = task.getDueDate();
                String key = "reminder:" + task.getId() + ":" + (due == null ? "" : due.getTime() + ":")
                        + recipient.username();
                oneByOne.add(composer.compose(key, MessageKind.REMINDER, recipient,
                        new Object[] {line.name(), line.school(), line.dueOn()}, Map.of("task", line), null));
            }
        }
        assertThat(people).as("each offered task's own school's coordinators; the assignee wherever they work")
                .containsEntry(northOffered.getId(), List.of(both, northOnly).stream().sorted().toList())
                .containsEntry(southOffered.getId(), List.of(both, southOnly).stream().sorted().toList())
                .containsEntry(elsewhereAssigned.getId(), List.of(southOnly));
        assertThat(written).isEqualTo(oneByOne.size()).isEqualTo(5);
        List<Long> ids = outbox.enqueueAll(oneByOne);
        for (int i = 0; i < oneByOne.size(); i++) {
            OutgoingMessage expected = oneByOne.get(i);
            OutboxMessage row = outbox.find(ids.get(i)).orElseThrow();
            assertThat(row.idempotencyKey()).isEqualTo(expected.idempotencyKey());
            assertThat(row.recipientAddress()).isEqualTo(expected.recipient().address());
            assertThat(row.subject()).isEqualTo(expected.subject());
            assertThat(row.bodyText()).isEqualTo(expected.text());
            assertThat(row.bodyHtml()).isEqualTo(expected.html());
        }
    }

    @Test
    void shouldWriteTheSameMessagesFromAStencilAsFromTheTemplates() {
        List<Recipient> readers = List.of(new Recipient("obrien", "Siobhán O'Brien", "obrien@school.example", "en"),
                new Recipient("ana", "Ana \"<b>&amp;</b>\"", "ana@school.example", "es"),
                new Recipient("blank", " ", "blank@school.example", "en"));
        List<TaskMail.Line> lines = List.of(
                new TaskMail.Line("Check in with Mr. D'Souza's class", "St. Mary's <Annex> & Co", "Monday, 7 December 2026",
                        "http://localhost/tasks/1?a=1&b=\"2\""),
                new TaskMail.Line("Hold the check-in", "", "", "http://localhost/tasks/2"),
                new TaskMail.Line("{0} '{1}' \uE000 1 \uE001", "  ", "Tuesday", "http://localhost/tasks/3"));
        for (MessageKind kind : List.of(MessageKind.REMINDER, MessageKind.ESCALATION)) {
            for (Recipient reader : readers) {
                for (TaskMail.Line line : lines) {
                    Object[] subjectArgs = {line.name(), line.school(), line.dueOn()};
                    OutgoingMessage rendered = composer.compose("k", kind, reader, subjectArgs,
                            Map.of("task", line), null);
                    List<String> values = Arrays.asList(reader.name(), line.name(), line.school(), line.dueOn(),
                            line.link());
                    List<String> standIns = IntStream.range(0, values.size())
                            .mapToObj(slot -> MailStencil.standIn(slot, values.get(slot))).toList();
                    MailStencil stencil = composer.stencil(kind, new Recipient("someone", standIns.get(0),
                            "someone@school.example", reader.language()), Map.of("task", new TaskMail.Line(
                            standIns.get(1), standIns.get(2), standIns.get(3), standIns.get(4)))).orElseThrow();

                    assertThat(composer.compose("k", kind, reader, subjectArgs, stencil, values))
                            .as(kind + " to " + reader.name() + " about " + line).isEqualTo(rendered);
                    assertThat(new TaskMailBatch(composer).compose("k", kind, reader, subjectArgs, line))
                            .isEqualTo(rendered);
                }
            }
        }
    }

    private Task alignmentMeeting(School school) {
        String pi = fixture.startAt(school, TODAY.plusDays(30), TODAY.plusDays(100));
        return tasks.createTaskQuery().processInstanceId(pi)
                .taskDefinitionKey(SchoolProgram.SCHEDULE_ALIGNMENT_MEETING).singleResult();
    }

    private String coordinator(String username, String name, String language, School... schools) {
        staff.add(new StaffMember(username, schools[0].districtId(), name, username + "@example.org", language),
                "secret", Set.of(Role.COORDINATOR), Arrays.stream(schools).map(School::id).toList());
        return username;
    }
}
