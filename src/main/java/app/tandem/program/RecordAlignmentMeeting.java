package app.tandem.program;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import app.tandem.forms.CompletedBy;
import app.tandem.forms.SubmittedForm;
import app.tandem.forms.SubmittedForms;
import app.tandem.program.SchoolProgram.Var;
import app.tandem.system.DistrictClock;

/** Records the alignment meeting as held: the evidence for indicator 4d.1. */
@Component("recordAlignmentMeeting")
class RecordAlignmentMeeting implements TaskListener {

    static final String ALIGNMENT_POINTS = "alignmentPoints";
    static final String NOTES = "notes";

    private final SubmittedForms forms;
    private final MeetingRecorder recorder;
    private final Milestones milestones;
    private final DistrictClock clock;

    RecordAlignmentMeeting(SubmittedForms forms, MeetingRecorder recorder, Milestones milestones,
                           DistrictClock clock) {
        this.forms = forms;
        this.recorder = recorder;
        this.milestones = milestones;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        ProgramRef ref = ProgramRef.of(task, task.getProcessInstanceId());
        SubmittedForm form = forms.of(task);
        LocalDate heldOn = recorder.heldOn(form, ref.schoolId(), null);
        List<String> attendees = recorder.staffOfSchool(form, MeetingRecorder.ATTENDEES, ref.schoolId());
        List<String> points = form.options(ALIGNMENT_POINTS);
        String notes = form.text(NOTES, 4000);
        form.discardFromProcess();

        DistrictClock clock = this.clock.forSchool(ref.schoolId());
        LocalDate termStart = clock.dayOf((Date) task.getVariable(Var.TERM_STARTS_AT));
        long id = milestones.recordHeld(ref, MilestoneKind.ALIGNMENT_MEETING, 1, termStart.minusDays(1), heldOn,
                attendees.size(), null, CompletedBy.of(task), clock.dateTime());
        milestones.recordAttendees(id, attendees);
        milestones.recordMinutes(id, new MeetingMinutes(String.join(",", points), notes, null, null));

        task.setVariable(Var.ALIGNMENT_HELD_ON, clock.startOf(heldOn));
        task.setVariable(Var.ALIGNMENT_HELD_BEFORE_START, heldOn.isBefore(termStart));
    }
}
