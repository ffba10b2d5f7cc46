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

/** Records the close-out meeting: the evidence for indicator 4d.3. */
@Component("recordCloseOutMeeting")
class RecordCloseOutMeeting implements TaskListener {

    static final String NOTES = "notes";

    private final SubmittedForms forms;
    private final MeetingRecorder recorder;
    private final Milestones milestones;
    private final DistrictClock clock;

    RecordCloseOutMeeting(SubmittedForms forms, MeetingRecorder recorder, Milestones milestones,
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
        String notes = form.text(NOTES, 4000);
        form.discardFromProcess();

        long id = milestones.recordHeld(ref, MilestoneKind.CLOSE_OUT_MEETING, 1,
                clock.forSchool(ref.schoolId()).dayOf((Date) task.getVariable(Var.CLOSE_OUT_DUE)), heldOn, attendees.size(), null,
                CompletedBy.of(task), clock.dateTime());
        milestones.recordAttendees(id, attendees);
        milestones.recordMinutes(id, new MeetingMinutes(null, notes, null, null));
    }
}
