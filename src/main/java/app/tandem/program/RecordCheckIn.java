package app.tandem.program;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import app.tandem.forms.CompletedBy;
import app.tandem.forms.SubmittedForm;
import app.tandem.forms.SubmittedForms;
import app.tandem.program.SchoolProgram.Var;
import app.tandem.system.DistrictClock;

/** Records a progress check-in as held within its window: the evidence for indicator 4d.2. */
@Component("recordCheckIn")
class RecordCheckIn implements TaskListener {

    static final String STUDENTS_DISCUSSED = "studentsDiscussed";
    static final String CONCERNS = "concerns";
    static final String AGREED_ACTIONS = "agreedActions";

    private final SubmittedForms forms;
    private final MeetingRecorder recorder;
    private final Milestones milestones;
    private final DistrictClock clock;

    RecordCheckIn(SubmittedForms forms, MeetingRecorder recorder, Milestones milestones, DistrictClock clock) {
        this.forms = forms;
        this.recorder = recorder;
        this.milestones = milestones;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        ProgramRef ref = ProgramRef.of(task, task.getProcessInstanceId());
        int number = (Integer) task.getVariable(Var.CHECK_IN_NUMBER);
        Milestone window = milestones.find(ref.termId(), MilestoneKind.CHECK_IN, number).orElseThrow();
        SubmittedForm form = forms.of(task);
        LocalDate heldOn = recorder.heldOn(form, ref.schoolId(), window.windowOpensOn());
        List<String> attendees = recorder.staffOfSchool(form, MeetingRecorder.ATTENDEES, ref.schoolId());
        Integer studentsDiscussed = form.number(STUDENTS_DISCUSSED, 0, 10_000).orElse(null);
        String concerns = form.text(CONCERNS, 4000);
        String agreedActions = form.text(AGREED_ACTIONS, 4000);
        form.discardFromProcess();

        long id = milestones.recordHeld(ref, MilestoneKind.CHECK_IN, number, window.dueOn(), heldOn,
                attendees.size(), studentsDiscussed, CompletedBy.of(task), clock.dateTime());
        milestones.recordAttendees(id, attendees);
        milestones.recordMinutes(id, new MeetingMinutes(null, null, concerns, agreedActions));
    }
}
