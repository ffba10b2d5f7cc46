package app.tandem.program;

import static app.tandem.program.SchoolProgram.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.tandem.TandemTest;
import app.tandem.directory.Role;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.family.CaregiverProcesses;
import app.tandem.notify.Deadlines;
import app.tandem.notify.Mailroom;
import app.tandem.notify.MessageKind;
import app.tandem.notify.OutboxMessage;
import app.tandem.program.ProgramFixture.Program;

@TandemTest
class SchoolProgramProcessTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 4);
    private static final LocalDate TERM_START = TODAY.plusDays(28);

    @Autowired
    ProcessEngine engine;
    @Autowired
    ProgramFixture fixture;
    @Autowired
    Milestones milestones;
    @Autowired
    TaskService taskService;
    @Autowired
    StaffDirectory staff;
    @Autowired
    Mailroom mailroom;

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
    void shouldRecordTheAlignmentMeetingHeldBeforeTheTermStarts() {
        Program program = fixture.start(TERM_START, TERM_START.plusDays(83), "P2W");
        ProcessInstance pi = instance(program);

        assertThat(pi).isWaitingAt(SCHEDULE_ALIGNMENT_MEETING);
        assertThat(task()).hasCandidateGroup("coordinators")
                .hasDueDate(fixture.endOf(TERM_START.minusDays(14)));

        schedule(program, TODAY.plusDays(7));
        assertThat(pi).isWaitingAt(HOLD_ALIGNMENT_MEETING);
        assertThat(task()).hasCandidateGroup("coordinators").hasCandidateGroup("school-leaders")
                .hasDueDate(fixture.endOf(TODAY.plusDays(7)));

        fixture.today(TODAY.plusDays(7));
        holdAlignment(program, TODAY.plusDays(7));

        assertThat(pi).isWaitingAt(TERM_STARTS).variables()
                .containsEntry(Var.ALIGNMENT_HELD_BEFORE_START, true)
                .doesNotContainKeys("notes", "attendees", "alignmentPoints", "heldOn", "invitees");
        Milestone alignment = milestones.find(program.term().id(), MilestoneKind.ALIGNMENT_MEETING, 1).orElseThrow();
        assertThat(alignment.status()).isEqualTo(MilestoneStatus.HELD);
        assertThat(alignment.heldInTime()).as("indicator 4d.1 met").isTrue();
        assertThat(alignment.plannedOn()).isEqualTo(TODAY.plusDays(7));
        assertThat(alignment.attendeeCount()).isEqualTo(2);
        assertThat(alignment.recordedBy()).isEqualTo("coordinator-1");
        assertThat(milestones.attendees(alignment.id())).containsExactly(program.leader(), program.teacher());
        assertThat(milestones.invitees(alignment.id())).containsExactly(program.leader(), program.teacher());
        assertThat(milestones.minutesOf(alignment.id())).get()
                .extracting(MeetingMinutes::alignmentPoints, MeetingMinutes::notes)
                .containsExactly("instructional-materials,schedule,data-sharing", "Materials agreed.");
    }

    @Test
    void shouldRemindTheAlignmentMeetingsPeopleBeforeItsDayThenRecordIt() {
        Program program = fixture.start(TERM_START, TERM_START.plusDays(83), "P2W");
        ProcessInstance pi = instance(program);
        schedule(program, TODAY.plusDays(10));
        assertThat(deadlines(pi, HOLD_ALIGNMENT_MEETING)).extracting(Job::getDuedate).containsExactly(
                fixture.startOf(TODAY.plusDays(8)), fixture.endOf(TODAY.plusDays(11)), fixture.endOf(TODAY.plusDays(13)));

        fixture.today(TODAY.plusDays(8));
        execute(deadlines(pi, HOLD_ALIGNMENT_MEETING).get(0));

        Task meeting = task(HOLD_ALIGNMENT_MEETING, pi);
        assertThat(meeting.getPriority()).isEqualTo(75);
        assertThat(taskService.getTaskComments(meeting.getId()))
                .extracting(c -> c.getFullMessage())
                .containsExactly("Reminder: this is due on " + TODAY.plusDays(10) + ".");
        assertThat(mailroom.queuedFor(program.leader(), MessageKind.REMINDER)).as("the school leader is on the task")
                .extracting(OutboxMessage::subject)
                .containsExactly("Reminder: Hold the alignment meeting is due Thursday, January 14, 2027");

        fixture.today(TODAY.plusDays(10));
        holdAlignment(program, TODAY.plusDays(10));
        assertThat(pi).isWaitingAt(TERM_STARTS);
        assertThat(deadlines(pi, HOLD_ALIGNMENT_MEETING)).as("no reminder or escalation once it is recorded").isEmpty();
        assertThat(jobQuery().processInstanceId(pi.getId()).activityId(ALIGNMENT_MEETING_OVERDUE).count()).isZero();
    }

    @Test
    void shouldRemindACheckInBeforeItsDueDayAndEscalateItToTheLeaderThenTheManagersWhileItCanStillBeHeld() {
        Program program = fixture.start(TERM_START, TERM_START.plusDays(83), "P2W");
        String coordinator = coordinatorOf(program);
        String manager = managerOf(program);
        ProcessInstance pi = instance(program);
        alignBeforeStart(program);
        execute(job(TERM_STARTS, pi));

        LocalDate due = TERM_START.plusDays(13);
        assertThat(deadlines(pi, HOLD_CHECK_IN)).as("the window closes the night after the due day, so the "
                        + "escalation comes on the morning of its last day")
                .extracting(Job::getDuedate)
                .containsExactly(fixture.startOf(due.minusDays(2)), fixture.startOf(due), fixture.startOf(due));
        fixture.today(due.minusDays(2));
        execute(deadlines(pi, HOLD_CHECK_IN).get(0));
        assertThat(mailroom.queuedFor(coordinator, MessageKind.REMINDER)).extracting(OutboxMessage::subject)
                .containsExactly("Reminder: Hold the progress check-in is due Sunday, February 14, 2027");

        fixture.today(due);
        deadlines(pi, HOLD_CHECK_IN).forEach(job -> execute(job));
        assertThat(mailroom.queuedFor(program.leader(), MessageKind.ESCALATION)).extracting(OutboxMessage::subject)
                .containsExactly("Overdue: Hold the progress check-in at " + program.school().name());
        assertThat(mailroom.queuedFor(manager, MessageKind.ESCALATION)).hasSize(1);
        assertThat(pi).isWaitingAt(HOLD_CHECK_IN);
    }

    @Test
    void shouldRemindTheImpactSummarysAssigneeAndEscalateItToTheLeaderThenTheManagers() {
        LocalDate lastDay = TERM_START.plusDays(27);
        Program program = fixture.start(TERM_START, lastDay, "P2W");
        String coordinator = coordinatorOf(program);
        String manager = managerOf(program);
        ProcessInstance pi = instance(program);
        alignBeforeStart(program);
        execute(job(TERM_STARTS, pi));
        fixture.today(lastDay.plusDays(1));
        execute(job(TERM_ENDS, pi));
        taskService.claim(task(PREPARE_IMPACT_SUMMARY, pi).getId(), coordinator);

        LocalDate due = lastDay.plusDays(7);
        assertThat(deadlines(pi, PREPARE_IMPACT_SUMMARY)).extracting(Job::getDuedate).containsExactly(
                fixture.startOf(due.minusDays(2)), fixture.endOf(due.plusDays(1)), fixture.endOf(due.plusDays(3)));
        fixture.today(due.minusDays(2));
        execute(deadlines(pi, PREPARE_IMPACT_SUMMARY).get(0));
        assertThat(mailroom.queuedFor(coordinator, MessageKind.REMINDER)).as("the one who claimed it").hasSize(1);
        assertThat(mailroom.queuedFor(program.leader(), MessageKind.REMINDER)).isEmpty();

        fixture.today(due.plusDays(2));
        execute(deadlines(pi, PREPARE_IMPACT_SUMMARY).get(0));
        assertThat(mailroom.queuedFor(program.leader(), MessageKind.ESCALATION)).extracting(OutboxMessage::subject)
                .containsExactly("Overdue: Prepare the impact summary at " + program.school().name());
        assertThat(mailroom.queuedFor(manager, MessageKind.ESCALATION)).as("not yet").isEmpty();

        fixture.today(due.plusDays(4));
        execute(deadlines(pi, PREPARE_IMPACT_SUMMARY).get(0));
        assertThat(mailroom.queuedFor(manager, MessageKind.ESCALATION)).extracting(OutboxMessage::subject)
                .containsExactly("Overdue: Prepare the impact summary at " + program.school().name());
        assertThat(deadlines(pi, PREPARE_IMPACT_SUMMARY)).isEmpty();
    }

    @Test
    void shouldEscalateAnOverdueMeetingToAManagerThenRecordIt() {
        Program program = fixture.start(TERM_START, TERM_START.plusDays(83), "P2W");
        ProcessInstance pi = instance(program);
        schedule(program, TODAY.plusDays(5));

        fixture.today(TODAY.plusDays(7));
        execute(job(ALIGNMENT_MEETING_OVERDUE, pi));

        assertThat(pi).isWaitingAt(HOLD_ALIGNMENT_MEETING, FOLLOW_UP_OVERDUE_ALIGNMENT_MEETING);
        Task followUp = task(FOLLOW_UP_OVERDUE_ALIGNMENT_MEETING, pi);
        assertThat(followUp).hasCandidateGroup("managers").hasName("Follow up the overdue alignment meeting");
        complete(followUp, withVariables("followUpAction", "coordinator-contacted"));
        assertThat(pi).hasPassed("overdueMeetingFollowedUp").isWaitingAt(HOLD_ALIGNMENT_MEETING);

        holdAlignment(program, TODAY.plusDays(6));
        assertThat(pi).isWaitingAt(TERM_STARTS);
        assertThat(milestones.find(program.term().id(), MilestoneKind.ALIGNMENT_MEETING, 1).orElseThrow()
                .heldInTime()).isTrue();
    }

    @Test
    void shouldMoveTheReminderAndEscalationsToTheNewDayWhenAManagersFollowUpReschedulesTheMeeting() {
        Program program = fixture.start(TERM_START, TERM_START.plusDays(83), "P2W");
        ProcessInstance pi = instance(program);
        schedule(program, TODAY.plusDays(5));
        fixture.today(TODAY.plusDays(6));
        execute(job(ALIGNMENT_MEETING_OVERDUE, pi));
        complete(task(FOLLOW_UP_OVERDUE_ALIGNMENT_MEETING, pi), withVariables("followUpAction", "rescheduled"));
        taskService.claim(task(RESCHEDULE_ALIGNMENT_MEETING, pi).getId(), "coordinator-1");
        complete(task(RESCHEDULE_ALIGNMENT_MEETING, pi), withVariables(
                "alignmentMeetingDate", TODAY.plusDays(12).toString(), "startTime", "16:00", "lengthMinutes", 60, "place", "Library",
                "invitees", "[\"" + program.leader() + "\",\"" + program.teacher() + "\"]"));

        assertThat(pi).hasPassed("askToMoveAlignmentMeeting", ALIGNMENT_MEETING_TO_BE_MOVED)
                .isWaitingAt(HOLD_ALIGNMENT_MEETING);
        assertThat(task(HOLD_ALIGNMENT_MEETING, pi)).hasDueDate(fixture.endOf(TODAY.plusDays(12)));
        assertThat(deadlines(pi, HOLD_ALIGNMENT_MEETING)).as("the new day's, none of the old day's")
                .extracting(Job::getDuedate).containsExactly(fixture.startOf(TODAY.plusDays(10)),
                        fixture.endOf(TODAY.plusDays(13)), fixture.endOf(TODAY.plusDays(15)));
        assertThat(jobQuery().processInstanceId(pi.getId()).activityId(ALIGNMENT_MEETING_OVERDUE).list())
                .as("a follow-up for the new day").extracting(Job::getDuedate)
                .containsExactly(fixture.endOf(TODAY.plusDays(13)));
        assertThat(mailroom.queuedFor(program.leader(), MessageKind.MEETING_UPDATE)).hasSize(1);
        assertThat(mailroom.queuedFor(program.leader(), MessageKind.MEETING_CANCELLED)).isEmpty();

        fixture.today(TODAY.plusDays(10));
        execute(deadlines(pi, HOLD_ALIGNMENT_MEETING).get(0));
        assertThat(mailroom.queuedFor(program.leader(), MessageKind.REMINDER)).extracting(OutboxMessage::subject)
                .containsExactly("Reminder: Hold the alignment meeting is due Saturday, January 16, 2027");

        fixture.today(TODAY.plusDays(14));
        execute(job(ALIGNMENT_MEETING_OVERDUE, pi));
        assertThat(task(FOLLOW_UP_OVERDUE_ALIGNMENT_MEETING, pi)).as("the new day is followed up too")
                .hasCandidateGroup("managers");
    }

    @Test
    void shouldStartTheTermOnItsDayWhenTheAlignmentMeetingIsNeverRecorded() {
        LocalDate lastDay = TERM_START.plusDays(27);
        Program program = fixture.start(TERM_START, lastDay, "P2W");
        ProcessInstance pi = instance(program);
        assertThat(pi).isWaitingAt(SCHEDULE_ALIGNMENT_MEETING, "introduceWhen");

        fixture.today(TERM_START.minusDays(1));
        execute(job(INTRODUCTION_DUE, pi));
        execute(job(CaregiverProcesses.INTRODUCE_PROGRAM_TO_CAREGIVERS, pi));
        assertThat(pi).as("the caregivers hear of the program before it begins, meeting or not")
                .hasPassed(INTRODUCTION_DUE, CaregiverProcesses.INTRODUCE_PROGRAM_TO_CAREGIVERS)
                .isWaitingAt(SCHEDULE_ALIGNMENT_MEETING, TERM_STARTS);

        fixture.today(TERM_START);
        execute(job(TERM_STARTS, pi));
        assertThat(pi).isWaitingAt(SCHEDULE_ALIGNMENT_MEETING, HOLD_CHECK_IN);
        fixture.today(TERM_START.plusDays(7));
        execute(job(CaregiverProcesses.CAREGIVER_UPDATES_DUE, pi));
        assertThat(pi).as("caregiver updates run").hasPassed(CaregiverProcesses.CAREGIVER_UPDATES_DUE);
        holdCheckIn(program, TERM_START.plusDays(7), 8);

        fixture.today(lastDay.plusDays(1));
        execute(job(NEXT_WINDOW_OPENS, pi));
        execute(job(TERM_ENDS, pi));
        assertThat(pi).isWaitingAt(SCHEDULE_ALIGNMENT_MEETING, PREPARE_IMPACT_SUMMARY);
        complete(task(PREPARE_IMPACT_SUMMARY, pi), withVariables("studentsServed", 30, "progressSummary", "Steady."));
        complete(task(HOLD_CLOSE_OUT_MEETING, pi), withVariables("heldOn", lastDay.plusDays(1).toString(),
                "attendees", "[\"" + program.leader() + "\"]", "notes", "Align earlier next term."));

        assertThat(pi).as("closing the program ends the meeting nobody recorded").isEnded().hasPassed(PROGRAM_CLOSED);
        assertThat(milestones.find(program.term().id(), MilestoneKind.ALIGNMENT_MEETING, 1)).isEmpty();
        assertThat(milestones.find(program.term().id(), MilestoneKind.CHECK_IN, 1).orElseThrow().heldInTime()).isTrue();
    }

    @Test
    void shouldRecordAnAlignmentMeetingHeldAfterTheStartAsLateAndIntroduceTheCaregiversOnce() {
        Program program = fixture.start(TERM_START, TERM_START.plusDays(83), "P2W");
        ProcessInstance pi = instance(program);
        schedule(program, TERM_START.plusDays(2));
        fixture.today(TERM_START.minusDays(1));
        execute(job(INTRODUCTION_DUE, pi));
        execute(job(CaregiverProcesses.INTRODUCE_PROGRAM_TO_CAREGIVERS, pi));
        fixture.today(TERM_START);
        execute(job(TERM_STARTS, pi));

        fixture.today(TERM_START.plusDays(2));
        holdAlignment(program, TERM_START.plusDays(2));

        assertThat(pi).hasPassed(ALIGNMENT_MEETING_HELD).isWaitingAt(HOLD_CHECK_IN).variables()
                .containsEntry(Var.ALIGNMENT_HELD_BEFORE_START, false);
        assertThat(milestones.find(program.term().id(), MilestoneKind.ALIGNMENT_MEETING, 1).orElseThrow()
                .heldInTime()).as("indicator 4d.1 not met").isFalse();
        assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId(CaregiverProcesses.INTRODUCE_PROGRAM_TO_CAREGIVERS).count())
                .as("the caregivers are introduced once").isOne();
    }

    @Test
    void shouldRecordEachCheckInAndTheOneThatWasMissed() {
        Program program = fixture.start(TERM_START, TERM_START.plusDays(83), "P2W");
        ProcessInstance pi = instance(program);
        alignBeforeStart(program);
        execute(job(TERM_STARTS, pi));

        assertThat(pi).isWaitingAt(HOLD_CHECK_IN);
        assertThat(task()).hasDueDate(fixture.endOf(TERM_START.plusDays(13)));
        fixture.today(TERM_START.plusDays(5));
        holdCheckIn(program, TERM_START.plusDays(5), 12);
        assertThat(pi).isWaitingAt(NEXT_WINDOW_OPENS);

        execute(job(NEXT_WINDOW_OPENS, pi));
        assertThat(pi).isWaitingAt(HOLD_CHECK_IN);
        assertThat(task()).hasDueDate(fixture.endOf(TERM_START.plusDays(27)));
        fixture.today(TERM_START.plusDays(28));
        execute(job(CHECK_IN_WINDOW_CLOSED, pi));

        assertThat(pi).hasPassed(RECORD_MISSED_CHECK_IN).isWaitingAt(HOLD_CHECK_IN);
        assertThat(task()).hasDueDate(fixture.endOf(TERM_START.plusDays(41)));
        fixture.today(TERM_START.plusDays(30));
        holdCheckIn(program, TERM_START.plusDays(30), 9);

        assertThat(milestones.ofTerm(program.term().id()))
                .filteredOn(m -> m.kind() == MilestoneKind.CHECK_IN)
                .extracting(Milestone::sequenceNo, Milestone::status, Milestone::studentsDiscussed,
                        Milestone::windowOpensOn)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, MilestoneStatus.HELD, 12, TERM_START),
                        org.assertj.core.groups.Tuple.tuple(2, MilestoneStatus.MISSED, null, TERM_START.plusDays(14)),
                        org.assertj.core.groups.Tuple.tuple(3, MilestoneStatus.HELD, 9, TERM_START.plusDays(28)));
    }

    @Test
    void shouldScheduleACheckInWithATimeAndAPlaceAndInviteTheSchoolsTeachersAndLeaders() {
        Program program = fixture.start(TERM_START, TERM_START.plusDays(83), "P2W");
        ProcessInstance pi = instance(program);
        alignBeforeStart(program);
        execute(job(TERM_STARTS, pi));
        assertThat(pi).isWaitingAt(HOLD_CHECK_IN);
        int invitedBefore = mailroom.queuedFor(program.teacher(), MessageKind.MEETING_INVITE).size();

        scheduleOrMoveCheckIn(pi);
        assertThat(pi).isWaitingAt(SCHEDULE_CHECK_IN);
        assertThat(task()).hasCandidateGroup("coordinators").hasDueDate(fixture.endOf(TERM_START.plusDays(13)));
        assertThatThrownBy(() -> complete(task(), withVariables("meetingDate", TERM_START.plusDays(14).toString(),
                "startTime", "15:00", "lengthMinutes", 45, "place", "Room 12")))
                .hasMessageContaining("the check-in must be on or before");
        complete(task(), withVariables("meetingDate", TERM_START.plusDays(6).toString(), "startTime", "15:00",
                "lengthMinutes", 45, "place", "Room 12", "invitees", "[]"));

        assertThat(pi).isWaitingAt(HOLD_CHECK_IN);
        assertThat(runtimeService().getVariables(pi.getId())).as("time and place stay in Tandem's tables")
                .doesNotContainKeys("meetingDate", "startTime", "lengthMinutes", "place", "videoLink", "invitees");
        Milestone checkIn = milestones.find(program.term().id(), MilestoneKind.CHECK_IN, 1).orElseThrow();
        assertThat(checkIn.plannedOn()).isEqualTo(TERM_START.plusDays(6));
        assertThat(milestones.planOf(checkIn.id())).contains(
                new MeetingPlan(TERM_START.plusDays(6).atTime(15, 0), 45, "Room 12", null));
        assertThat(mailroom.queuedFor(program.teacher(), MessageKind.MEETING_INVITE))
                .as("teachers and leaders are invited without being picked").hasSize(invitedBefore + 1);
        assertThat(mailroom.queuedFor(program.leader(), MessageKind.MEETING_INVITE)).hasSize(invitedBefore + 1);

        scheduleOrMoveCheckIn(pi);
        complete(task(SCHEDULE_CHECK_IN, pi), withVariables("meetingDate", TERM_START.plusDays(6).toString(),
                "startTime", "15:00", "lengthMinutes", 45, "place", "Library", "invitees", "[]"));
        assertThat(mailroom.queuedFor(program.leader(), MessageKind.MEETING_UPDATE))
                .as("another room is an update").hasSize(1);
        fixture.today(TERM_START.plusDays(6));
        holdCheckIn(program, TERM_START.plusDays(6), 7);
        assertThat(milestones.find(program.term().id(), MilestoneKind.CHECK_IN, 1).orElseThrow().status())
                .isEqualTo(MilestoneStatus.HELD);
    }

    @Test
    void shouldRecordACheckInMissedWhenItsWindowClosesWhileItIsBeingScheduled() {
        Program program = fixture.start(TERM_START, TERM_START.plusDays(83), "P2W");
        ProcessInstance pi = instance(program);
        alignBeforeStart(program);
        execute(job(TERM_STARTS, pi));
        scheduleOrMoveCheckIn(pi);

        fixture.today(TERM_START.plusDays(14));
        execute(job("checkInWindowClosedWhileScheduling", pi));

        assertThat(pi).hasPassed(RECORD_MISSED_CHECK_IN).isWaitingAt(HOLD_CHECK_IN);
        assertThat(milestones.find(program.term().id(), MilestoneKind.CHECK_IN, 1).orElseThrow().status())
                .isEqualTo(MilestoneStatus.MISSED);
    }

    @Test
    void shouldCloseOutAtTheEndDateWhileACheckInIsStillOpen() {
        LocalDate lastDay = TERM_START.plusDays(34);
        Program program = fixture.start(TERM_START, lastDay, "P2W");
        ProcessInstance pi = instance(program);
        alignBeforeStart(program);
        execute(job(TERM_STARTS, pi));
        fixture.today(TERM_START.plusDays(3));
        holdCheckIn(program, TERM_START.plusDays(3), 10);
        execute(job(NEXT_WINDOW_OPENS, pi));
        fixture.today(TERM_START.plusDays(20));
        holdCheckIn(program, TERM_START.plusDays(20), 11);
        execute(job(NEXT_WINDOW_OPENS, pi));
        assertThat(task()).as("the last window ends with the term").hasDueDate(fixture.endOf(lastDay));

        fixture.today(lastDay.plusDays(1));
        execute(job(TERM_ENDS, pi));

        assertThat(pi).hasPassed("closeOpenCheckIns").isWaitingAt(PREPARE_IMPACT_SUMMARY);
        assertThat(task()).hasCandidateGroup("coordinators").hasDueDate(fixture.endOf(lastDay.plusDays(7)));
        assertThat(milestones.find(program.term().id(), MilestoneKind.CHECK_IN, 3).orElseThrow().status())
                .isEqualTo(MilestoneStatus.MISSED);

        complete(task(), withVariables("studentsServed", 40, "progressSummary", "Most students moved up a level."));
        assertThat(pi).isWaitingAt(HOLD_CLOSE_OUT_MEETING);
        runtimeService().createMessageCorrelation(CLOSE_OUT_MEETING_TO_BE_SCHEDULED).processInstanceId(pi.getId()).correlate();
        assertThat(pi).isWaitingAt(SCHEDULE_CLOSE_OUT_MEETING);
        assertThat(task()).hasCandidateGroup("coordinators").hasCandidateGroup("school-leaders");
        complete(task(), withVariables("meetingDate", lastDay.plusDays(6).toString(), "startTime", "13:00",
                "lengthMinutes", 90, "videoLink", "https://video.example.org/close-out", "invitees", "[]"));
        assertThat(pi).isWaitingAt(HOLD_CLOSE_OUT_MEETING);
        assertThat(mailroom.queuedFor(program.leader(), MessageKind.MEETING_INVITE))
                .as("the close-out's invitation, after the alignment meeting's").hasSize(2);
        assertThat(mailroom.queuedFor(program.teacher(), MessageKind.MEETING_INVITE)).hasSize(2);
        fixture.today(lastDay.plusDays(6));
        complete(task(), withVariables("heldOn", lastDay.plusDays(6).toString(),
                "attendees", "[\"" + program.leader() + "\"]", "notes", "Keep Tuesday slots next term."));

        assertThat(pi).isEnded().hasPassed(PROGRAM_CLOSED);
        Milestone closeOut = milestones.find(program.term().id(), MilestoneKind.CLOSE_OUT_MEETING, 1).orElseThrow();
        assertThat(closeOut.heldInTime()).as("indicator 4d.3 met").isTrue();
        assertThat(closeOut.dueOn()).isEqualTo(lastDay.plusDays(14));
        Milestone summary = milestones.find(program.term().id(), MilestoneKind.IMPACT_SUMMARY, 1).orElseThrow();
        assertThat(milestones.impactSummaryOf(summary.id())).get()
                .extracting(ImpactSummary::studentsServed).isEqualTo(40);
    }

    @Test
    void shouldStopCheckInsWhenTheLastWindowEndsWithTheTerm() {
        LocalDate lastDay = TERM_START.plusDays(27);
        Program program = fixture.start(TERM_START, lastDay, "P2W");
        ProcessInstance pi = instance(program);
        alignBeforeStart(program);
        execute(job(TERM_STARTS, pi));
        fixture.today(TERM_START.plusDays(3));
        holdCheckIn(program, TERM_START.plusDays(3), 10);
        execute(job(NEXT_WINDOW_OPENS, pi));
        fixture.today(TERM_START.plusDays(17));
        holdCheckIn(program, TERM_START.plusDays(17), 10);

        fixture.today(lastDay.plusDays(1));
        execute(job(NEXT_WINDOW_OPENS, pi));

        assertThat(pi).hasPassed("checkInsOver").isWaitingAt(PREPARE_IMPACT_SUMMARY);
        assertThat(milestones.ofTerm(program.term().id()))
                .filteredOn(m -> m.kind() == MilestoneKind.CHECK_IN)
                .allMatch(Milestone::heldInTime)
                .hasSize(2);
    }

    @Test
    void shouldRefuseAMeetingDateAfterTheTermEndsAndKeepTheTaskOpen() {
        Program program = fixture.start(TERM_START, TERM_START.plusDays(83), "P2W");
        ProcessInstance pi = instance(program);

        assertThatThrownBy(() -> complete(task(SCHEDULE_ALIGNMENT_MEETING, pi), withVariables(
                "alignmentMeetingDate", TERM_START.plusDays(90).toString(), "startTime", "16:00", "lengthMinutes", 60, "place", "Library", "invitees", "[]")))
                .hasMessageContaining("Meeting date: the meeting must be on or before the term's last day, "
                        + TERM_START.plusDays(83));

        assertThat(pi).isWaitingAt(SCHEDULE_ALIGNMENT_MEETING);
        assertThat(milestones.ofTerm(program.term().id())).isEmpty();
    }

    @Test
    void shouldRefuseAttendeesWhoAreNotOnTheSchoolsStaff() {
        Program program = fixture.start(TERM_START, TERM_START.plusDays(83), "P2W");
        ProcessInstance pi = instance(program);

        assertThatThrownBy(() -> complete(task(SCHEDULE_ALIGNMENT_MEETING, pi), withVariables(
                "alignmentMeetingDate", TODAY.plusDays(3).toString(), "startTime", "16:00", "lengthMinutes", 60, "place", "Library", "invitees", "[\"somebody-else\"]")))
                .hasMessageContaining("Invite: 'somebody-else' is not on this school's staff.");
        assertThat(pi).isWaitingAt(SCHEDULE_ALIGNMENT_MEETING);
    }

    @Test
    void shouldRefuseAMeetingRecordedAsHeldInTheFuture() {
        Program program = fixture.start(TERM_START, TERM_START.plusDays(83), "P2W");
        ProcessInstance pi = instance(program);
        schedule(program, TODAY.plusDays(7));

        assertThatThrownBy(() -> holdAlignment(program, TODAY.plusDays(7)))
                .hasMessageContaining("Held on: " + TODAY.plusDays(7) + " is in the future");
        assertThat(pi).isWaitingAt(HOLD_ALIGNMENT_MEETING);
    }

    /** The task's reminder and escalations, in the order they come. */
    private List<Job> deadlines(ProcessInstance pi, String taskKey) {
        return Deadlines.of(engine, pi.getId(), taskKey);
    }

    private String coordinatorOf(Program program) {
        String coordinator = "coordinator-of-" + program.school().code();
        staff.add(new StaffMember(coordinator, program.school().districtId(), "Casey Coordinator",
                coordinator + "@example.org", "en"), "secret", java.util.Set.of(Role.COORDINATOR),
                List.of(program.school().id()));
        return coordinator;
    }

    private String managerOf(Program program) {
        String manager = "manager-of-" + program.school().code();
        staff.add(new StaffMember(manager, program.school().districtId(), "Morgan Manager", manager + "@example.org",
                "en"), "secret", java.util.Set.of(Role.MANAGER), List.of());
        return manager;
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
                "attendees", List.of(program.leader(), program.teacher()).toString()
                        .replace("[", "[\"").replace("]", "\"]").replace(", ", "\",\""),
                "alignmentPoints", "[\"instructional-materials\",\"schedule\",\"data-sharing\"]",
                "notes", "Materials agreed."));
        // The caregivers' introduction runs as its own job after the task's transaction (unless it already ran).
        if (jobQuery().processInstanceId(program.processInstanceId())
                .activityId(CaregiverProcesses.INTRODUCE_PROGRAM_TO_CAREGIVERS).count() > 0) {
            execute(job(CaregiverProcesses.INTRODUCE_PROGRAM_TO_CAREGIVERS, instance(program)));
        }
    }

    private void alignBeforeStart(Program program) {
        schedule(program, TODAY.plusDays(7));
        fixture.today(TODAY.plusDays(7));
        holdAlignment(program, TODAY.plusDays(7));
        fixture.today(TERM_START);
    }

    /** What the check-in task page's action does. */
    private void scheduleOrMoveCheckIn(ProcessInstance pi) {
        runtimeService().createMessageCorrelation(CHECK_IN_TO_BE_SCHEDULED).processInstanceId(pi.getId()).correlate();
    }

    private void holdCheckIn(Program program, LocalDate heldOn, int studentsDiscussed) {
        complete(task(HOLD_CHECK_IN, instance(program)), withVariables(
                "heldOn", heldOn.toString(),
                "attendees", "[\"" + program.teacher() + "\"]",
                "studentsDiscussed", studentsDiscussed,
                "concerns", "Two students struggle with fractions.",
                "agreedActions", "Share the fractions unit plan."));
    }
}
