package app.tandem.program;

import static app.tandem.program.SchoolProgram.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import app.tandem.TandemTest;
import app.tandem.directory.ChangeSource;
import app.tandem.directory.Terms;
import app.tandem.family.CaregiverProcesses;
import app.tandem.notify.Mailroom;
import app.tandem.notify.MessageKind;
import app.tandem.program.ProgramFixture.Program;
import app.tandem.program.SchoolProgram.Var;
import app.tandem.system.InvalidInputException;

/** A running program follows its term: cancelled with a reason, or moved to other dates. */
@TandemTest
class TermProgramChangesTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 4);
    private static final LocalDate TERM_START = TODAY.plusDays(28);
    private static final LocalDate LAST_DAY = TERM_START.plusDays(83);

    @Autowired
    ProcessEngine engine;
    @Autowired
    ProgramFixture fixture;
    @Autowired
    TermCancelling cancelling;
    @Autowired
    TermRedating redating;
    @Autowired
    SchoolProgramLauncher launcher;
    @Autowired
    Terms terms;
    @Autowired
    Milestones milestones;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtime;
    @Autowired
    Mailroom mailroom;
    @Autowired
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        init(engine);
        fixture.today(TODAY);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldEndTheProgramOfACancelledTermKeepItsEvidenceAndNeverStartItAgain() throws Exception {
        Program program = fixture.start(TERM_START, LAST_DAY, "P2W");
        schedule(program, TODAY.plusDays(10));
        Milestone planned = milestones.find(program.term().id(), MilestoneKind.ALIGNMENT_MEETING, 1).orElseThrow();

        cancelling.cancel(program.term().id(), "The school closes for renovation.", "manager-1", ChangeSource.PAGE);

        assertThat(processInstanceQuery().processInstanceId(program.processInstanceId()).count()).isZero();
        assertThat(milestones.find(program.term().id(), MilestoneKind.ALIGNMENT_MEETING, 1)).as("the evidence stays")
                .get().extracting(Milestone::id).isEqualTo(planned.id());
        assertThat(mailroom.queuedFor(program.leader(), MessageKind.MEETING_CANCELLED)).hasSize(1);
        assertThat(mailroom.queuedFor(program.teacher(), MessageKind.MEETING_CANCELLED)).hasSize(1);
        assertThat(terms.cancellation(program.term().id())).get()
                .satisfies(c -> {
                    assertThat(c.on()).isEqualTo(TODAY);
                    assertThat(c.reason()).isEqualTo("The school closes for renovation.");
                });
        assertThatThrownBy(() -> launcher.start(program.term().id()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("was cancelled");
        assertThatThrownBy(() -> cancelling.cancel(program.term().id(), "Again.", "manager-1", ChangeSource.PAGE))
                .hasMessageContaining("was cancelled");

        String page = mvc.perform(get("/dashboard/terms/{id}", program.term().id())
                        .with(user("dashboard-manager").roles("managers")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Cancelled on 2027-01-04: The school closes for renovation.");
    }

    @Test
    void shouldRefuseToCancelWithoutAReason() {
        Program program = fixture.start(TERM_START, LAST_DAY, "P2W");

        assertThatThrownBy(() -> cancelling.cancel(program.term().id(), "  ", "manager-1", ChangeSource.PAGE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Reason for cancelling: is required.");
        assertThat(processInstanceQuery().processInstanceId(program.processInstanceId()).count()).isOne();
    }

    @Test
    void shouldMoveTheDueDateOfTheAlignmentScheduleWhenTheTermMovesBeforeItsTimerWaits() {
        Program program = fixture.start(TERM_START, LAST_DAY, "P2W");
        LocalDate later = TERM_START.plusDays(7);

        redating.change(program.term().id(), later, LAST_DAY.plusDays(7), "manager-1", ChangeSource.PAGE);

        assertThat(task(SCHEDULE_ALIGNMENT_MEETING, instance(program))).hasDueDate(fixture.endOf(later.minusDays(14)));
        assertThat(instance(program)).variables()
                .containsEntry(Var.TERM_STARTS_AT, fixture.startOf(later))
                .containsEntry(Var.TERM_ENDS_AT, fixture.startOf(LAST_DAY.plusDays(8)));
        assertThat(terms.byId(program.term().id())).get()
                .extracting(t -> t.startsOn(), t -> t.endsOn())
                .containsExactly(later, LAST_DAY.plusDays(7));
    }

    @Test
    void shouldMoveTheTermStartTimerOfARunningProgram() {
        Program program = fixture.start(TERM_START, LAST_DAY, "P2W");
        schedule(program, TODAY.plusDays(7));
        fixture.today(TODAY.plusDays(7));
        holdAlignment(program, TODAY.plusDays(7));
        assertThat(instance(program)).isWaitingAt(TERM_STARTS);
        LocalDate later = TERM_START.plusDays(14);

        assertThat(nextMilestone(program)).isEqualTo("Term starts " + dashboardDay(TERM_START));

        redating.change(program.term().id(), later, LAST_DAY, "manager-1", ChangeSource.PAGE);

        assertThat(jobQuery().processInstanceId(program.processInstanceId()).activityId(TERM_STARTS).singleResult()
                .getDuedate()).isEqualTo(fixture.startOf(later));
        assertThat(nextMilestone(program)).as("the dashboard follows the new first day")
                .isEqualTo("Term starts " + dashboardDay(later));
        fixture.today(later);
        execute(job(TERM_STARTS, instance(program)));
        assertThat(instance(program)).isWaitingAt(HOLD_CHECK_IN);
        assertThat(jobQuery().processInstanceId(program.processInstanceId()).activityId(TERM_ENDS).singleResult()
                .getDuedate()).isEqualTo(fixture.startOf(LAST_DAY.plusDays(1)));
        assertThat(milestones.find(program.term().id(), MilestoneKind.CHECK_IN, 1)).get()
                .extracting(Milestone::dueOn).isEqualTo(later.plusDays(13));
    }

    @Test
    void shouldCutTheOpenCheckInWindowWhenTheTermNowEndsInsideIt() {
        Program program = fixture.start(TERM_START, LAST_DAY, "P2W");
        schedule(program, TODAY.plusDays(7));
        fixture.today(TODAY.plusDays(7));
        holdAlignment(program, TODAY.plusDays(7));
        fixture.today(TERM_START);
        execute(job(TERM_STARTS, instance(program)));
        LocalDate newLastDay = TERM_START.plusDays(9);

        assertThatThrownBy(() -> redating.change(program.term().id(), TERM_START.plusDays(1), LAST_DAY,
                "manager-1", ChangeSource.PAGE))
                .hasMessageContaining("only its last day can change");
        assertThatThrownBy(() -> redating.change(program.term().id(), TERM_START, TERM_START.minusDays(1),
                "manager-1", ChangeSource.PAGE))
                .hasMessageContaining("must end after it starts");
        redating.change(program.term().id(), TERM_START, newLastDay, "manager-1", ChangeSource.PAGE);

        assertThat(jobQuery().processInstanceId(program.processInstanceId()).activityId(TERM_ENDS).singleResult()
                .getDuedate()).isEqualTo(fixture.startOf(newLastDay.plusDays(1)));
        assertThat(jobQuery().processInstanceId(program.processInstanceId()).activityId(CHECK_IN_WINDOW_CLOSED)
                .singleResult().getDuedate()).isEqualTo(fixture.startOf(newLastDay.plusDays(1)));
        assertThat(task(HOLD_CHECK_IN, instance(program))).hasDueDate(fixture.endOf(newLastDay));
        assertThat(milestones.find(program.term().id(), MilestoneKind.CHECK_IN, 1)).get()
                .extracting(Milestone::dueOn).isEqualTo(newLastDay);
    }

    @Test
    void shouldKeepSendingCaregiverUpdatesUntilTheNewLastDayWhenTheTermEndsLater() {
        LocalDate lastDay = TERM_START.plusDays(20);
        Program program = fixture.start(TERM_START, lastDay, "P2W");
        fixture.today(TERM_START.minusDays(1));
        execute(job(INTRODUCTION_DUE, instance(program)));
        execute(job(CaregiverProcesses.INTRODUCE_PROGRAM_TO_CAREGIVERS, instance(program)));
        fixture.today(TERM_START);
        execute(job(TERM_STARTS, instance(program)));
        LocalDate newLastDay = TERM_START.plusDays(41);

        redating.change(program.term().id(), TERM_START, newLastDay, "manager-1", ChangeSource.PAGE);

        List<java.util.Date> weeks = new java.util.ArrayList<>();
        for (int week = 1; week < 10; week++) {
            Job updates = jobQuery().processInstanceId(program.processInstanceId())
                    .activityId(CaregiverProcesses.CAREGIVER_UPDATES_DUE).singleResult();
            if (updates == null) {
                break;
            }
            weeks.add(updates.getDuedate());
            fixture.today(TERM_START.plusWeeks(week));
            execute(updates);
        }
        assertThat(weeks).as("a week boundary inside the new term each, not only inside the old one")
                .containsExactly(fixture.startOf(TERM_START.plusWeeks(1)), fixture.startOf(TERM_START.plusWeeks(2)),
                        fixture.startOf(TERM_START.plusWeeks(3)), fixture.startOf(TERM_START.plusWeeks(4)),
                        fixture.startOf(TERM_START.plusWeeks(5)));
    }

    private String nextMilestone(Program program) {
        try {
            return Jsoup.parse(mvc.perform(get("/dashboard/terms/{id}", program.term().id())
                            .with(user("dashboard-manager").roles("managers")))
                    .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                    .select("dt:contains(Next milestone) + dd").text();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String dashboardDay(LocalDate day) {
        return day.format(java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy", java.util.Locale.ENGLISH));
    }

    private ProcessInstance instance(Program program) {
        return processInstanceQuery().processInstanceId(program.processInstanceId()).singleResult();
    }

    private void schedule(Program program, LocalDate day) {
        taskService.claim(task(SCHEDULE_ALIGNMENT_MEETING, instance(program)).getId(), "coordinator-1");
        complete(task(SCHEDULE_ALIGNMENT_MEETING, instance(program)), withVariables(
                "alignmentMeetingDate", day.toString(), "startTime", "16:00", "lengthMinutes", 60, "place", "Library",
                "invitees", "[\"" + program.leader() + "\",\"" + program.teacher() + "\"]"));
    }

    private void holdAlignment(Program program, LocalDate heldOn) {
        Task task = task(HOLD_ALIGNMENT_MEETING, instance(program));
        taskService.claim(task.getId(), "coordinator-1");
        complete(task, withVariables(
                "heldOn", heldOn.toString(),
                "attendees", "[\"" + program.leader() + "\",\"" + program.teacher() + "\"]",
                "alignmentPoints", "[\"instructional-materials\",\"schedule\",\"data-sharing\"]",
                "notes", "Materials agreed."));
        execute(job(CaregiverProcesses.INTRODUCE_PROGRAM_TO_CAREGIVERS, instance(program)));
    }
}
