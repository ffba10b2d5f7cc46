package app.tandem.dashboard;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import app.tandem.family.CaregiverProcesses;
import app.tandem.program.ProgramFixture;
import app.tandem.program.ProgramFixture.Program;
import app.tandem.program.SchoolProgram;

/** Moves a school program along as its people would: on the given days, through its forms and timers. */
@Component
class ProgramPlay {

    private final TaskService tasks;
    private final ManagementService management;
    private final ProgramFixture fixture;
    private final RuntimeService runtime;

    ProgramPlay(TaskService tasks, ManagementService management, ProgramFixture fixture, RuntimeService runtime) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.fixture = fixture;
    }

    void schedule(Program program, LocalDate on, LocalDate meetingDay) {
        fixture.today(on);
        complete(program, SchoolProgram.SCHEDULE_ALIGNMENT_MEETING, Map.of(
                "alignmentMeetingDate", meetingDay.toString(), "startTime", "16:00", "lengthMinutes", 60, "place", "Library",
                "invitees", people(program)));
    }

    void holdAlignment(Program program, LocalDate heldOn) {
        fixture.today(heldOn);
        complete(program, SchoolProgram.HOLD_ALIGNMENT_MEETING, Map.of(
                "heldOn", heldOn.toString(),
                "attendees", people(program),
                "alignmentPoints", "[\"schedule\",\"data-sharing\"]",
                "notes", "Tutoring runs in the intervention block."));
        // The caregivers' introduction: its own job, right after the meeting's task (unless it went out already).
        if (management.createJobQuery().processInstanceId(program.processInstanceId())
                .activityId(CaregiverProcesses.INTRODUCE_PROGRAM_TO_CAREGIVERS).count() > 0) {
            fire(program, CaregiverProcesses.INTRODUCE_PROGRAM_TO_CAREGIVERS, heldOn);
        }
    }

    /** Schedules the open check-in from its task page, at a time and place. */
    void scheduleCheckIn(Program program, LocalDate on, LocalDate meetingDay, String startTime, String place) {
        fixture.today(on);
        runtime.createMessageCorrelation(SchoolProgram.CHECK_IN_TO_BE_SCHEDULED)
                .processInstanceId(program.processInstanceId()).correlate();
        complete(program, SchoolProgram.SCHEDULE_CHECK_IN, Map.of("meetingDate", meetingDay.toString(),
                "startTime", startTime, "lengthMinutes", 45, "place", place, "invitees", "[]"));
    }

    void holdCheckIn(Program program, LocalDate heldOn, int studentsDiscussed) {
        fixture.today(heldOn);
        complete(program, SchoolProgram.HOLD_CHECK_IN, Map.of(
                "heldOn", heldOn.toString(),
                "attendees", "[\"" + program.teacher() + "\"]",
                "studentsDiscussed", studentsDiscussed,
                "concerns", "Two students struggle with fractions.",
                "agreedActions", "Share the fractions unit plan."));
    }

    /** The term begins without an alignment meeting: the caregivers' introduction, then the first day. */
    void startWithoutAlignment(Program program) {
        LocalDate startsOn = program.term().startsOn();
        fire(program, SchoolProgram.INTRODUCTION_DUE, startsOn.minusDays(1));
        fire(program, CaregiverProcesses.INTRODUCE_PROGRAM_TO_CAREGIVERS, startsOn.minusDays(1));
        fire(program, SchoolProgram.TERM_STARTS, startsOn);
    }

    /** Executes the job waiting at that activity (a timer or an asynchronous step) on that day. */
    void fire(Program program, String activityId, LocalDate on) {
        fixture.today(on);
        Job job = management.createJobQuery().processInstanceId(program.processInstanceId())
                .activityId(activityId).singleResult();
        management.executeJob(job.getId());
    }

    private void complete(Program program, String taskKey, Map<String, Object> form) {
        Task task = tasks.createTaskQuery().processInstanceId(program.processInstanceId())
                .taskDefinitionKey(taskKey).singleResult();
        tasks.claim(task.getId(), "dashboard-coordinator");
        tasks.complete(task.getId(), form);
    }

    private static String people(Program program) {
        return "[\"" + program.leader() + "\",\"" + program.teacher() + "\"]";
    }
}
