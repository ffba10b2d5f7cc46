package app.tandem.program;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import app.tandem.directory.DistrictSettings;
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.forms.CompletedBy;
import app.tandem.forms.SubmittedForm;
import app.tandem.forms.SubmittedForms;
import app.tandem.notify.MeetingInvitations;
import app.tandem.program.SchoolProgram.Var;
import app.tandem.system.DistrictClock;
import app.tandem.system.Messages;

/**
 * When the coordinators schedule (or reschedule) the alignment meeting: checks the date against the
 * term, plans the evidence row, sets when to remind and when to escalate, sends the invitees their
 * calendar invitations (an update when the day moved), and moves an open meeting task to the new day.
 */
@Component("planAlignmentMeeting")
class PlanAlignmentMeeting implements TaskListener {

    static final String INVITEES = "invitees";
    static final String MEETING_TITLE = "alignment";

    private final SubmittedForms forms;
    private final MeetingRecorder recorder;
    private final Milestones milestones;
    private final DistrictClock clock;
    private final DistrictSettings settings;
    private final Schools schools;
    private final Messages messages;
    private final MeetingInvitations invitations;
    private final TaskService tasks;
    private final ManagementService management;

    PlanAlignmentMeeting(SubmittedForms forms, MeetingRecorder recorder, Milestones milestones,
                         DistrictClock clock, DistrictSettings settings, Schools schools, Messages messages,
                         MeetingInvitations invitations, TaskService tasks, ManagementService management) {
        this.management = management;
        this.schools = schools;
        this.invitations = invitations;
        this.tasks = tasks;
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
        var invitees = recorder.staffOfSchool(form, INVITEES, ref.schoolId());
        form.discardFromProcess();

        long milestoneId = milestones.plan(ref, MilestoneKind.ALIGNMENT_MEETING, 1, null, termStart.minusDays(1),
                meetingDay);
        milestones.recordInvitees(milestoneId, invitees);
        invitations.plan(new MeetingInvitations.Meeting(milestoneId, ref.schoolId(), MEETING_TITLE, meetingDay,
                invitees, CompletedBy.of(task)));

        Date due = clock.endOf(meetingDay);
        task.setVariable(Var.ALIGNMENT_MEETING_DATE, clock.startOf(meetingDay));
        task.setVariable(Var.ALIGNMENT_MEETING_DUE, due);
        Date escalateAt = clock.endOf(meetingDay.plus(settings.overdueEscalationAfter(district)));
        task.setVariable(Var.ALIGNMENT_ESCALATE_AT, escalateAt);
        // A rescheduled meeting's follow-up timer is already waiting: it follows the new day. Its reminder and
        // escalations follow the task's new due date by themselves.
        for (Job overdue : management.createJobQuery().processInstanceId(task.getProcessInstanceId())
                .activityId(SchoolProgram.ALIGNMENT_MEETING_OVERDUE).timers().list()) {
            management.setJobDuedate(overdue.getId(), escalateAt);
        }
        for (Task meeting : tasks.createTaskQuery().processInstanceId(task.getProcessInstanceId())
                .taskDefinitionKey(SchoolProgram.HOLD_ALIGNMENT_MEETING).list()) {
            meeting.setDueDate(due);
            tasks.saveTask(meeting);
        }
    }
}
