package app.tandem.program;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import app.tandem.forms.CompletedBy;
import app.tandem.forms.SubmittedForm;
import app.tandem.forms.SubmittedForms;
import app.tandem.program.SchoolProgram.Var;
import app.tandem.system.DistrictClock;
import app.tandem.system.Messages;

/**
 * When a check-in or the close-out meeting is scheduled (or moved): a check-in's day within its window, the
 * time and place kept with the milestone, and the school's teachers and leaders and the tutor leads of the
 * term's provider (with whoever else the form picks) sent their calendar invitations, or an update.
 */
@Component("planMeeting")
class PlanMeeting implements TaskListener {

    static final String MEETING_DATE = "meetingDate";

    private final SubmittedForms forms;
    private final MeetingRecorder recorder;
    private final MeetingPlanner planner;
    private final Milestones milestones;
    private final DistrictClock clock;
    private final Messages messages;

    PlanMeeting(SubmittedForms forms, MeetingRecorder recorder, MeetingPlanner planner, Milestones milestones,
                DistrictClock clock, Messages messages) {
        this.forms = forms;
        this.recorder = recorder;
        this.planner = planner;
        this.milestones = milestones;
        this.clock = clock;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        ProgramRef ref = ProgramRef.of(task, task.getProcessInstanceId());
        boolean checkIn = SchoolProgram.SCHEDULE_CHECK_IN.equals(task.getTaskDefinitionKey());
        SubmittedForm form = forms.of(task);
        LocalDate day = form.requiredDate(MEETING_DATE);
        if (day.isBefore(clock.forSchool(ref.schoolId()).today())) {
            throw messages.invalid(MEETING_DATE, "invalid.inPast", day);
        }
        long milestoneId;
        if (checkIn) {
            int number = (Integer) task.getVariable(Var.CHECK_IN_NUMBER);
            Milestone window = milestones.find(ref.termId(), MilestoneKind.CHECK_IN, number).orElseThrow();
            if (day.isAfter(window.dueOn())) {
                throw messages.invalid(MEETING_DATE, "invalid.afterWindow", window.dueOn());
            }
            milestones.plan(ref, MilestoneKind.CHECK_IN, number, window.windowOpensOn(), window.dueOn(), day);
            milestoneId = window.id();
        } else {
            LocalDate dueOn = clock.forSchool(ref.schoolId()).dayOf((Date) task.getVariable(Var.CLOSE_OUT_DUE));
            milestoneId = milestones.plan(ref, MilestoneKind.CLOSE_OUT_MEETING, 1, null, dueOn, day);
        }
        MeetingPlan plan = planner.read(form, day, ref.schoolId());
        var invitees = planner.inviteesWithTeachersAndLeaders(form, recorder, ref);
        form.discardFromProcess();

        planner.plan(ref, milestoneId, checkIn ? MeetingTitles.CHECK_IN : MeetingTitles.CLOSE_OUT, plan, invitees,
                CompletedBy.of(task));
    }
}
