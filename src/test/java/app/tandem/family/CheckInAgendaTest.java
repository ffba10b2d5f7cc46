package app.tandem.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

import app.tandem.TandemTest;
import app.tandem.directory.Role;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.program.MeetingStudents;
import app.tandem.program.MilestoneKind;
import app.tandem.program.Milestones;
import app.tandem.program.ProgramFixture;
import app.tandem.program.ProgramFixture.Program;
import app.tandem.program.SchoolProgram;

/** A check-in's agenda, from the task page to the 4d.2 drill-down, through the one completion path. */
@TandemTest
class CheckInAgendaTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 9, 6);
    private static final LocalDate TERM_START = TODAY.plusDays(14);

    @Autowired
    ProgramFixture programs;
    @Autowired
    FamilyFixture families;
    @Autowired
    StaffDirectory staff;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    MeetingStudents meetingStudents;
    @Autowired
    Milestones milestones;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    private Program program;
    private String coordinator;
    private String manager;
    private Student belowTarget;
    private Student onTarget;
    private Student flagged;

    @BeforeEach
    void aTermUnderWayWithThreeStudents() {
        programs.today(TODAY);
        program = programs.start(TERM_START, TERM_START.plusDays(83), "P2W");
        coordinator = "coord-" + program.school().code();
        staff.add(new StaffMember(coordinator, program.school().districtId(), "Ada Okafor",
                coordinator + "@example.org", "en"), "secret", Set.of(Role.COORDINATOR), List.of(program.school().id()));
        manager = "manager-" + program.school().code();
        staff.add(new StaffMember(manager, program.school().districtId(), "Priya Shah", manager + "@example.org", "en"),
                "secret", Set.of(Role.MANAGER), List.of());
        belowTarget = families.student(program.school(), "Ana Silva");
        onTarget = families.student(program.school(), "Luis Ortega");
        flagged = families.student(program.school(), "Kim Lee");

        programs.today(TERM_START.plusDays(3));
        for (String step : List.of(SchoolProgram.INTRODUCTION_DUE, CaregiverProcesses.INTRODUCE_PROGRAM_TO_CAREGIVERS,
                SchoolProgram.TERM_STARTS)) {
            management.createJobQuery().processInstanceId(program.processInstanceId()).activityId(step).list()
                    .forEach(job -> management.executeJob(job.getId()));
        }
        LocalDate week = TERM_START.plusDays(3).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        attended(belowTarget, week, 1);
        attended(onTarget, week, 3);
        meetingStudents.flag(flagged.id(), program.term().id(), program.teacher(), TODAY.atStartOfDay());
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldListTheStudentsBelowTargetAndFlaggedAndKeepWhatWasAgreedForEach() throws Exception {
        Task checkIn = tasks.createTaskQuery().processInstanceId(program.processInstanceId())
                .taskDefinitionKey(SchoolProgram.HOLD_CHECK_IN).singleResult();
        assertThat(checkIn).as("the check-in comes without anyone scheduling it").isNotNull();
        assertThat(tasks.getIdentityLinksForTask(checkIn.getId())).extracting(link -> link.getGroupId())
                .as("the school leader sees it").contains("coordinators", "school-leaders");

        Document page = page("/tasks/" + checkIn.getId(), coordinator, "coordinators");
        assertThat(page.select("#items-title").text()).isEqualTo("Students to discuss");
        assertThat(page.select("#task-items legend").eachText()).as("below the target first").containsExactly("Ana Silva", "Kim Lee");
        assertThat(page.select("#task-items").text())
                .contains("Attends 1 a week (target 3).", "A teacher asked for this student to be discussed.")
                .doesNotContain("Luis Ortega");

        mvc.perform(post("/tasks/" + checkIn.getId()).with(csrf()).with(as(coordinator, "coordinators"))
                        .param("heldOn", TERM_START.plusDays(3).toString())
                        .param("attendees", program.teacher())
                        .param("studentsDiscussed", "2")
                        .param("item." + belowTarget.id() + ".note", "A second session on Tuesdays.")
                        .param("item." + onTarget.id() + ".note", "Not on the agenda: dropped."))
                .andExpect(status().is3xxRedirection());

        long milestoneId = milestones.find(program.term().id(), MilestoneKind.CHECK_IN, 1).orElseThrow().id();
        assertThat(meetingStudents.of(milestoneId)).extracting(MeetingStudents.Discussed::studentName,
                        MeetingStudents.Discussed::reason, MeetingStudents.Discussed::agreed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Ana Silva", MeetingStudents.Reason.BELOW_TARGET,
                                "A second session on Tuesdays."),
                        org.assertj.core.groups.Tuple.tuple("Kim Lee", MeetingStudents.Reason.FLAGGED, null));
        assertThat(meetingStudents.flagged(program.term().id())).as("discussed, the flag is done").isEmpty();

        Document record = page("/dashboard/milestones/" + milestoneId, manager, "managers");
        assertThat(record.select("#students-discussed tbody tr").eachText()).containsExactly(
                "Ana Silva Below the attendance target A second session on Tuesdays.",
                "Kim Lee Flagged by a teacher Nothing written");
        Document drillDown = page("/dashboard/indicators/4d.2", manager, "managers");
        assertThat(drillDown.select("a[href=/dashboard/milestones/" + milestoneId + "]")).hasSize(1);
    }

    @Test
    void shouldRefuseANoteTooLongAndKeepWhatWasEntered() throws Exception {
        Task checkIn = tasks.createTaskQuery().processInstanceId(program.processInstanceId())
                .taskDefinitionKey(SchoolProgram.HOLD_CHECK_IN).singleResult();
        String tooLong = "x".repeat(1001);

        String html = mvc.perform(post("/tasks/" + checkIn.getId()).with(csrf()).with(as(coordinator, "coordinators"))
                        .param("heldOn", TERM_START.plusDays(3).toString())
                        .param("studentsDiscussed", "2")
                        .param("item." + belowTarget.id() + ".note", tooLong))
                .andExpect(status().isUnprocessableEntity())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        Document page = Jsoup.parse(html);
        assertThat(page.text()).contains("Students to discuss: what was agreed for Ana Silva must be at most 1,000 characters.");
        assertThat(page.select("textarea[name=item." + belowTarget.id() + ".note]").text()).isEqualTo(tooLong);
        assertThat(tasks.createTaskQuery().taskId(checkIn.getId()).count()).as("still open").isOne();
    }

    @Test
    void shouldLetTheSchoolsTeacherFlagAStudentForTheNextCheckInAndNoOneElse() throws Exception {
        Document student = page("/family/students/" + onTarget.id(), program.teacher(), "teachers");
        assertThat(student.select("#check-in-flag-form button").text()).isEqualTo("Discuss at the next check-in");

        mvc.perform(post("/family/students/" + onTarget.id() + "/check-in-flag").with(csrf())
                        .with(as(program.teacher(), "teachers")).param("flagged", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(meetingStudents.flagged(program.term().id())).contains(onTarget.id());
        assertThat(page("/family/students/" + onTarget.id(), program.teacher(), "teachers")
                .select("#check-in-flag").text()).isEqualTo("To discuss at the next check-in");

        mvc.perform(post("/family/students/" + belowTarget.id() + "/check-in-flag").with(csrf())
                        .with(as(program.leader(), "school-leaders")).param("flagged", "true"))
                .andExpect(status().isNotFound());
        assertThat(meetingStudents.flagged(program.term().id())).doesNotContain(belowTarget.id());
    }

    @Test
    void shouldRecordAtTheCloseOutEachStudentsProgressAgainstTheTermsGoal() throws Exception {
        LocalDate lastDay = TERM_START.plusDays(83);
        programs.today(lastDay.plusDays(1));
        management.createJobQuery().processInstanceId(program.processInstanceId()).activityId(SchoolProgram.TERM_ENDS)
                .list().forEach(job -> management.executeJob(job.getId()));
        Task summary = tasks.createTaskQuery().processInstanceId(program.processInstanceId())
                .taskDefinitionKey(SchoolProgram.PREPARE_IMPACT_SUMMARY).singleResult();
        tasks.complete(summary.getId(), org.camunda.bpm.engine.variable.Variables.createVariables()
                .putValue("studentsServed", 3).putValue("progressSummary", "Steady."));
        Task closeOut = tasks.createTaskQuery().processInstanceId(program.processInstanceId())
                .taskDefinitionKey(SchoolProgram.HOLD_CLOSE_OUT_MEETING).singleResult();
        assertThat(tasks.getIdentityLinksForTask(closeOut.getId())).extracting(link -> link.getGroupId())
                .as("the school leader co-owns the close-out").contains("school-leaders");

        Document page = page("/tasks/" + closeOut.getId(), program.leader(), "school-leaders");
        assertThat(page.select("#items-title").text())
                .isEqualTo("Each student's progress against the goal set at the start");
        assertThat(page.select("#task-items legend").eachText()).as("every student of the school")
                .contains("Ana Silva", "Luis Ortega", "Kim Lee");
        assertThat(page.select("#task-items").text()).contains("Goal set at the start: 3 sessions a week.");

        mvc.perform(post("/tasks/" + closeOut.getId()).with(csrf()).with(as(program.leader(), "school-leaders"))
                        .param("heldOn", lastDay.plusDays(1).toString())
                        .param("attendees", program.leader())
                        .param("item." + belowTarget.id() + ".choice", "PROGRESSING")
                        .param("item." + belowTarget.id() + ".note", "Keep two sessions over the summer.")
                        .param("item." + onTarget.id() + ".choice", "MET"))
                .andExpect(status().is3xxRedirection());

        long milestoneId = milestones.find(program.term().id(), MilestoneKind.CLOSE_OUT_MEETING, 1).orElseThrow().id();
        Document record = page("/dashboard/milestones/" + milestoneId, manager, "managers");
        assertThat(record.select("#students-discussed tbody tr").eachText()).containsExactly(
                "Ana Silva Close-out review Progressing toward it Keep two sessions over the summer.",
                "Kim Lee Close-out review Not judged Nothing written",
                "Luis Ortega Close-out review Met the goal Nothing written");
    }

    private void attended(Student student, LocalDate week, int sessions) {
        jdbc.sql("insert into progress_week (student_id, week_of, sessions_scheduled, sessions_attended, minutes, "
                        + "imported_by, imported_at) values (?, ?, 3, ?, 90, 'test', ?)")
                .params(student.id(), week, sessions, Timestamp.valueOf(TODAY.atStartOfDay()))
                .update();
    }

    private Document page(String path, String username, String group) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(as(username, group))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static UserRequestPostProcessor as(String username, String group) {
        return user(username).authorities(new SimpleGrantedAuthority("ROLE_" + group));
    }
}
