package app.tandem.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.tandem.TandemTest;
import app.tandem.directory.Role;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.program.ProgramFixture;
import app.tandem.program.ProgramFixture.Program;
import app.tandem.program.SchoolProgram;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;

@TandemTest
class MeetingInvitationTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 2, 1);
    private static final LocalDate TERM_START = TODAY.plusDays(28);

    @Autowired
    ProcessEngine engine;
    @Autowired
    ProgramFixture fixture;
    @Autowired
    StaffDirectory staff;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identity;
    @Autowired
    Mailroom mailroom;
    @Autowired
    app.tandem.directory.TutoringProviders providers;

    private Program program;
    private String coordinator;
    private String spanishTeacher;

    @BeforeEach
    void aProgramWithACoordinatorAndASpanishSpeakingTeacher() {
        init(engine);
        fixture.today(TODAY);
        program = fixture.start(TERM_START, TERM_START.plusDays(83), "P2W");
        String n = UUID.randomUUID().toString().substring(0, 8);
        coordinator = "coord-" + n;
        spanishTeacher = "maestra-" + n;
        staff.add(new StaffMember(coordinator, program.school().districtId(), "Cory Coordinator", coordinator + "@example.org",
                "en"), "secret", Set.of(Role.COORDINATOR), List.of(program.school().id()));
        staff.add(new StaffMember(spanishTeacher, program.school().districtId(), "Lucía Maestra",
                spanishTeacher + "@example.org", "es"), "secret", Set.of(Role.TEACHER), List.of(program.school().id()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldInviteEachInviteeWithAnIcsAtTheMeetingsTimeInTheDistrictsZone() throws Exception {
        schedule(TODAY.plusDays(10), "16:00", 60, "Library", null, program.leader(), spanishTeacher);

        List<OutboxMessage> leaderInvites = mailroom.queuedFor(program.leader(), MessageKind.MEETING_INVITE);
        assertThat(leaderInvites).hasSize(1);
        mailroom.deliver(leaderInvites);
        mailroom.deliver(mailroom.queuedFor(spanishTeacher, MessageKind.MEETING_INVITE));

        MimeMessage toLeader = only(mailroom.receivedBy(leaderAddress()));
        assertThat(toLeader.getSubject()).isEqualTo("Invitation: Pre-launch alignment meeting at "
                + program.school().name() + ", Thursday, February 11, 2027, 4:00 PM–5:00 PM (Central Time)");
        assertThat(text(toLeader)).contains("Place: Library");
        Calendar calendar = calendar(toLeader);
        VEvent event = event(toLeader);
        assertTimes(calendar, event, TODAY.plusDays(10).atTime(16, 0), TODAY.plusDays(10).atTime(17, 0));
        assertThat(event.getProperty(Property.LOCATION)).get().extracting(Property::getValue).isEqualTo("Library");
        assertThat(event.getProperty(Property.URL)).isEmpty();
        assertThat(event.getOrganizer().getValue()).isEqualTo("mailto:" + coordinator + "@example.org");
        assertThat(event.<Property>getProperties(Property.ATTENDEE).stream().map(Property::getValue).toList())
                .containsExactlyInAnyOrder("mailto:" + leaderAddress(), "mailto:" + spanishTeacher + "@example.org");
        assertThat(event.getSequence().getSequenceNo()).isZero();
        assertThat(calendar.getProperty(Property.METHOD)).get().extracting(Property::getValue).isEqualTo("REQUEST");

        MimeMessage toTeacher = only(mailroom.receivedBy(spanishTeacher + "@example.org"));
        assertThat(toTeacher.getSubject()).startsWith("Invitación: Reunión de alineación previa al inicio en")
                .endsWith("16:00–17:00 (hora central)");
        assertThat(uid(event(toTeacher))).isEqualTo(uid(event));
    }

    @Test
    void shouldInviteTheProvidersTutorLeadToACheckInWithATimedIcs() throws Exception {
        String n = UUID.randomUUID().toString().substring(0, 8);
        String tutorLead = "tutor-" + n;
        staff.add(new StaffMember(tutorLead, program.school().districtId(), "Tara Tutor", tutorLead + "@example.org",
                "en"), "secret", Set.of(Role.TUTOR), List.of(program.school().id()));
        providers.save(program.school(), program.term(), "Bright Tutors", List.of(tutorLead), coordinator,
                app.tandem.directory.ChangeSource.PAGE);
        termUnderWay();

        runtime.createMessageCorrelation(SchoolProgram.CHECK_IN_TO_BE_SCHEDULED)
                .processInstanceId(program.processInstanceId()).correlate();
        Task scheduling = tasks.createTaskQuery().processInstanceId(program.processInstanceId())
                .taskDefinitionKey(SchoolProgram.SCHEDULE_CHECK_IN).singleResult();
        tasks.claim(scheduling.getId(), coordinator);
        tasks.complete(scheduling.getId(), Variables.createVariables()
                .putValue("meetingDate", TERM_START.plusDays(3).toString()).putValue("startTime", "15:30")
                .putValue("lengthMinutes", 45).putValue("place", "Room 4").putValue("invitees", "[]"));

        List<OutboxMessage> invites = mailroom.queuedFor(tutorLead, MessageKind.MEETING_INVITE);
        assertThat(invites).as("the tutor lead is invited without being picked").hasSize(1);
        mailroom.deliver(invites);
        MimeMessage toTutor = only(mailroom.receivedBy(tutorLead + "@example.org"));
        assertThat(toTutor.getSubject()).startsWith("Invitation: Progress check-in at " + program.school().name());
        VEvent event = event(toTutor);
        assertTimes(calendar(toTutor), event, TERM_START.plusDays(3).atTime(15, 30),
                TERM_START.plusDays(3).atTime(16, 15));
        assertThat(event.getProperty(Property.LOCATION)).get().extracting(Property::getValue).isEqualTo("Room 4");
        assertThat(event.<Property>getProperties(Property.ATTENDEE).stream().map(Property::getValue).toList())
                .contains("mailto:" + tutorLead + "@example.org", "mailto:" + leaderAddress());
    }

    /** No alignment meeting recorded: the caregivers are introduced the day before, and the term starts on its day. */
    private void termUnderWay() {
        fixture.today(TERM_START);
        for (int i = 0; i < 5 && tasks.createTaskQuery().processInstanceId(program.processInstanceId())
                .taskDefinitionKey(SchoolProgram.HOLD_CHECK_IN).count() == 0; i++) {
            for (String step : List.of(SchoolProgram.INTRODUCTION_DUE,
                    app.tandem.family.CaregiverProcesses.INTRODUCE_PROGRAM_TO_CAREGIVERS, SchoolProgram.TERM_STARTS)) {
                management.createJobQuery().processInstanceId(program.processInstanceId()).activityId(step).list()
                        .forEach(job -> management.executeJob(job.getId()));
            }
        }
    }

    @Test
    void shouldSendAnUpdateWithTheNewTimeAndPlaceAndACancellationOfTheSameUid() throws Exception {
        schedule(TODAY.plusDays(5), "16:00", 60, "Library", null, program.leader(), spanishTeacher);
        mailroom.deliver(mailroom.queuedFor(program.leader()));
        String firstUid = uid(event(only(mailroom.receivedBy(leaderAddress()))));
        String pi = program.processInstanceId();

        fixture.today(TODAY.plusDays(7));
        management.executeJob(management.createJobQuery().processInstanceId(pi)
                .activityId(SchoolProgram.ALIGNMENT_MEETING_OVERDUE).singleResult().getId());
        Task followUp = tasks.createTaskQuery().processInstanceId(pi)
                .taskDefinitionKey(SchoolProgram.FOLLOW_UP_OVERDUE_ALIGNMENT_MEETING).singleResult();
        tasks.complete(followUp.getId(), Variables.createVariables().putValue("followUpAction", "rescheduled"));
        Task reschedule = tasks.createTaskQuery().processInstanceId(pi)
                .taskDefinitionKey(SchoolProgram.RESCHEDULE_ALIGNMENT_MEETING).singleResult();
        tasks.claim(reschedule.getId(), coordinator);
        tasks.complete(reschedule.getId(), Variables.createVariables()
                .putValue("alignmentMeetingDate", TODAY.plusDays(12).toString())
                .putValue("startTime", "08:30").putValue("lengthMinutes", 90).putValue("place", "Room 12")
                .putValue("videoLink", "https://video.example.org/align")
                .putValue("invitees", "[\"" + program.leader() + "\"]"));

        Task meeting = tasks.createTaskQuery().processInstanceId(pi)
                .taskDefinitionKey(SchoolProgram.HOLD_ALIGNMENT_MEETING).singleResult();
        assertThat(meeting.getDueDate()).as("the meeting task comes for the new day").isEqualTo(fixture.endOf(TODAY.plusDays(12)));
        List<OutboxMessage> updates = mailroom.queuedFor(program.leader(), MessageKind.MEETING_UPDATE);
        assertThat(updates).hasSize(1);
        mailroom.deliver(updates);
        MimeMessage movedMail = only(mailroom.receivedBy(leaderAddress()).stream()
                .filter(m -> subject(m).startsWith("Moved:")).toList());
        assertThat(text(movedMail)).contains("Place: Room 12", "Video link: https://video.example.org/align");
        Calendar movedCalendar = calendar(movedMail);
        VEvent moved = event(movedMail);
        assertTimes(movedCalendar, moved, TODAY.plusDays(12).atTime(8, 30), TODAY.plusDays(12).atTime(10, 0));
        assertThat(moved.getProperty(Property.LOCATION)).get().extracting(Property::getValue).isEqualTo("Room 12");
        assertThat(moved.getProperty(Property.URL)).get().extracting(Property::getValue)
                .isEqualTo("https://video.example.org/align");
        assertThat(uid(moved)).isEqualTo(firstUid);
        assertThat(moved.getSequence().getSequenceNo()).isEqualTo(1);
        assertThat(mailroom.queuedFor(spanishTeacher, MessageKind.MEETING_CANCELLED))
                .as("taken off the list").hasSize(1);

        runtime.deleteProcessInstance(pi, "The school left the program");

        List<OutboxMessage> cancellations = mailroom.queuedFor(program.leader(), MessageKind.MEETING_CANCELLED);
        assertThat(cancellations).hasSize(1);
        mailroom.deliver(cancellations);
        MimeMessage cancelled = only(mailroom.receivedBy(leaderAddress()).stream()
                .filter(m -> subject(m).startsWith("Cancelled:")).toList());
        assertThat(calendar(cancelled).getProperty(Property.METHOD)).get().extracting(Property::getValue)
                .isEqualTo("CANCEL");
        assertTimes(calendar(cancelled), event(cancelled), TODAY.plusDays(12).atTime(8, 30),
                TODAY.plusDays(12).atTime(10, 0));
        assertThat(event(cancelled).getSequence().getSequenceNo()).isEqualTo(2);
        assertThat(uid(event(cancelled))).isEqualTo(firstUid);
    }

    @Test
    void shouldRefuseAStartInThePastALengthOfZeroAndAMeetingWithNeitherPlaceNorLink() {
        Task task = tasks.createTaskQuery().processInstanceId(program.processInstanceId())
                .taskDefinitionKey(SchoolProgram.SCHEDULE_ALIGNMENT_MEETING).singleResult();
        tasks.claim(task.getId(), coordinator);

        assertThatThrownBy(() -> tasks.complete(task.getId(), Variables.createVariables()
                .putValue("alignmentMeetingDate", TODAY.toString()).putValue("startTime", "09:00")
                .putValue("lengthMinutes", 60).putValue("place", "Library")))
                .as("the clock stands at 10:00").hasMessageContaining("Start time:")
                .hasMessageContaining("this time has already passed");
        assertThatThrownBy(() -> tasks.complete(task.getId(), Variables.createVariables()
                .putValue("alignmentMeetingDate", TODAY.plusDays(3).toString()).putValue("startTime", "09:00")
                .putValue("lengthMinutes", 0).putValue("place", "Library")))
                .hasMessageContaining("Length (minutes):").hasMessageContaining("a meeting lasts at least a minute");
        assertThatThrownBy(() -> tasks.complete(task.getId(), Variables.createVariables()
                .putValue("alignmentMeetingDate", TODAY.plusDays(3).toString()).putValue("startTime", "09:00")
                .putValue("lengthMinutes", 30).putValue("place", " ")))
                .hasMessageContaining("Place:").hasMessageContaining("give a place to meet, a video link, or both");
        assertThatThrownBy(() -> tasks.complete(task.getId(), Variables.createVariables()
                .putValue("alignmentMeetingDate", TODAY.plusDays(3).toString()).putValue("startTime", "09:00")
                .putValue("lengthMinutes", 30).putValue("videoLink", "meet me online")))
                .hasMessageContaining("Video link:").hasMessageContaining("is not a web address");

        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the task stays open").isOne();
        assertThat(mailroom.queuedFor(program.leader(), MessageKind.MEETING_INVITE)).isEmpty();
    }

    /** The event's start and end name the district's zone, whose VTIMEZONE the file carries. */
    private static void assertTimes(Calendar calendar, VEvent event, LocalDateTime start, LocalDateTime end) {
        ZoneId chicago = ZoneId.of("America/Chicago");
        DtStart<?> dtStart = event.getDateTimeStart();
        DtEnd<?> dtEnd = event.getDateTimeEnd();
        assertThat(dtStart.getParameter(Parameter.TZID)).get().extracting(Parameter::getValue)
                .isEqualTo("America/Chicago");
        assertThat(dtEnd.getParameter(Parameter.TZID)).get().extracting(Parameter::getValue)
                .isEqualTo("America/Chicago");
        assertThat(Instant.from(dtStart.getDate())).isEqualTo(start.atZone(chicago).toInstant());
        assertThat(Instant.from(dtEnd.getDate())).isEqualTo(end.atZone(chicago).toInstant());
        assertThat(calendar.<VTimeZone>getComponents(Component.VTIMEZONE))
                .extracting(zone -> zone.getTimeZoneId().getValue()).containsExactly("America/Chicago");
    }

    private static String uid(VEvent event) {
        return event.getProperty(Property.UID).map(Property::getValue).orElseThrow();
    }

    private static String text(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parts.getCount(); i++) {
            collect(parts.getBodyPart(i), text);
        }
        return text.toString();
    }

    private static void collect(BodyPart part, StringBuilder text) throws Exception {
        if (part.getContent() instanceof Multipart inner) {
            for (int i = 0; i < inner.getCount(); i++) {
                collect(inner.getBodyPart(i), text);
            }
        } else if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        }
    }

    private void schedule(LocalDate day, String startTime, int minutes, String place, String videoLink,
                          String... invitees) {
        Task task = tasks.createTaskQuery().processInstanceId(program.processInstanceId())
                .taskDefinitionKey(SchoolProgram.SCHEDULE_ALIGNMENT_MEETING).singleResult();
        tasks.claim(task.getId(), coordinator);
        tasks.complete(task.getId(), Variables.createVariables()
                .putValue("alignmentMeetingDate", day.toString())
                .putValue("startTime", startTime).putValue("lengthMinutes", minutes).putValue("place", place)
                .putValue("videoLink", videoLink)
                .putValue("invitees", "[\"" + String.join("\",\"", invitees) + "\"]"));
    }

    private String leaderAddress() {
        return staff.byUsername(program.leader()).orElseThrow().email();
    }

    private static MimeMessage only(List<MimeMessage> messages) {
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static VEvent event(MimeMessage message) throws Exception {
        return calendar(message).<VEvent>getComponents("VEVENT").get(0);
    }

    private static Calendar calendar(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getFileName() != null && part.getFileName().endsWith(".ics")) {
                try (InputStream in = part.getInputStream()) {
                    return new CalendarBuilder().build(new StringReader(new String(in.readAllBytes(),
                            java.nio.charset.StandardCharsets.UTF_8)));
                }
            }
        }
        throw new IOException("No .ics attachment");
    }
}
