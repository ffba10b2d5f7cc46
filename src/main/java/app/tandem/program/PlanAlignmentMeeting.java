package app.tandem.program;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import app.tandem.directory.DistrictSettings;
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.forms.CompletedBy;
import app.tandem.forms.SubmittedForm;
import app.tandem.forms.SubmittedForms;
import app.tandem.program.SchoolProgram.Var;
import app.tandem.system.DistrictClock;
import app.tandem.system.Messages;

/**
 * When the coordinators schedule (or reschedule) the alignment meeting: checks the date against the
 * term, reads its start time, length and place or link,
 * plans the evidence row, sets when to remind and when to escalate, sends the invitees their
 * calendar invitations (an update when the day moved); the meeting task then comes for that day.
 */
@Component("planAlignmentMeeting")
class PlanAlignmentMeeting implements TaskListener {

    private final SubmittedForms forms;
    private final MeetingRecorder recorder;
    private final Milestones milestones;
    private final DistrictClock clock;
    private final DistrictSettings settings;
    private final Schools schools;
    private final Messages messages;
    private final MeetingPlanner planner;
    private final TaskService tasks;

    PlanAlignmentMeeting(SubmittedForms forms, MeetingRecorder recorder, Milestones milestones,
                         DistrictClock clock, DistrictSettings settings, Schools schools, Messages messages,
                         MeetingPlanner planner, TaskService tasks) {
        this.tasks = tasks;
        this.schools = schools;
        this.planner = planner;
        this.forms = forms;
        this.recorder = recorder;
        this.milestones = milestones;
        this.clock = clock;
        this.settings = settings;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        ProgramRef ref = ProgramRef.of(task, task.getProcessInstanceId());
        SubmittedForm form = forms.of(task);
        Long district = schools.byId(ref.schoolId()).map(School::districtId).orElse(null);
        DistrictClock clock = this.clock.forDistrict(district);
        LocalDate meetingDay = form.requiredDate(Var.ALIGNMENT_MEETING_DATE);
        LocalDate termStart = clock.dayOf((Date) task.getVariable(Var.TERM_STARTS_AT));
        LocalDate lastDay = clock.dayOf((Date) task.getVariable(Var.TERM_ENDS_AT)).minusDays(1);
        if (meetingDay.isBefore(clock.today())) {
            throw messages.invalid(Var.ALIGNMENT_MEETING_DATE, "invalid.inPast", meetingDay);
        }
        if (meetingDay.isAfter(lastDay)) {
            throw messages.invalid(Var.ALIGNMENT_MEETING_DATE, "invalid.afterTermEnd", lastDay);
        }
        MeetingPlan plan = planner.read(form, meetingDay, ref.schoolId());
        var invitees = planner.inviteesWithTutorLeads(form, recorder, ref);
        form.discardFromProcess();

        long milestoneId = milestones.plan(ref, MilestoneKind.ALIGNMENT_MEETING, 1, null, termStart.minusDays(1),
                meetingDay);
        planner.plan(ref, milestoneId, MeetingTitles.ALIGNMENT, plan, invitees, CompletedBy.of(task));

        // The meeting task comes (again) after this: its due date, follow-up timer, reminder and escalations
        // are made for the new day, and nothing is left on the old one.
        task.setVariable(Var.ALIGNMENT_MEETING_DATE, clock.startOf(meetingDay));
        task.setVariable(Var.ALIGNMENT_MEETING_DUE, clock.endOf(meetingDay));
        task.setVariable(Var.ALIGNMENT_ESCALATE_AT,
                clock.endOf(meetingDay.plus(settings.overdueEscalationAfter(district))));
        // Read only by the version-1 model (release 50e4aad), whose "Meeting soon" timer waits for it; set at the
        // moment the task's own reminder job is due, so that timer adds nothing. Drop once no version-1 program runs.
        task.setVariable(Var.ALIGNMENT_REMINDER_AT,
                clock.startOf(meetingDay.minus(settings.reminderLead(district))));
        moveOpenMeetingTask(task.getProcessInstanceId(), clock.endOf(meetingDay));
    }

    /**
     * Only in the version-1 model (release 50e4aad) is the meeting's task still open while the meeting is
     * rescheduled (a manager's follow-up runs beside it): it moves to the new day, and its deadline jobs with it.
     * Today's model takes the task back first, so there is none. Drop once no version-1 program runs.
     */
    private void moveOpenMeetingTask(String processInstanceId, Date due) {
        for (Task meeting : tasks.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(SchoolProgram.HOLD_ALIGNMENT_MEETING).list()) {
            meeting.setDueDate(due);
            tasks.saveTask(meeting);
        }
    }
}
