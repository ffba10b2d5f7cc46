package app.tandem.program;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import app.tandem.forms.SubmittedForm;
import app.tandem.forms.SubmittedForms;
import app.tandem.program.SchoolProgram.Var;
import app.tandem.system.DistrictClock;
import app.tandem.system.Messages;

/** Keeps the impact summary the close-out meeting will discuss. */
@Component("recordImpactSummary")
class RecordImpactSummary implements TaskListener {

    static final String STUDENTS_SERVED = "studentsServed";
    static final String PROGRESS_SUMMARY = "progressSummary";
    static final String WHAT_WORKED = "whatWorked";
    static final String WHAT_TO_CHANGE = "whatToChange";

    private final SubmittedForms forms;
    private final MeetingRecorder recorder;
    private final Milestones milestones;
    private final DistrictClock calendar;
    private final Messages messages;

    RecordImpactSummary(SubmittedForms forms, MeetingRecorder recorder, Milestones milestones,
                        DistrictClock calendar, Messages messages) {
        this.forms = forms;
        this.recorder = recorder;
        this.milestones = milestones;
        this.calendar = calendar;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        ProgramRef ref = ProgramRef.of(task, task.getProcessInstanceId());
        SubmittedForm form = forms.of(task);
        Integer studentsServed = form.number(STUDENTS_SERVED, 0, 100_000).orElse(null);
        String progress = form.text(PROGRESS_SUMMARY, 4000);
        if (progress == null) {
            throw messages.invalid(PROGRESS_SUMMARY, "invalid.required");
        }
        ImpactSummary summary = new ImpactSummary(studentsServed, progress, form.text(WHAT_WORKED, 4000),
                form.text(WHAT_TO_CHANGE, 4000));
        form.discardFromProcess();

        long id = milestones.recordHeld(ref, MilestoneKind.IMPACT_SUMMARY, 1,
                calendar.dayOf((Date) task.getVariable(Var.IMPACT_SUMMARY_DUE)), calendar.today(), null, null,
                recorder.recordedBy(task), recorder.now());
        milestones.recordImpactSummary(id, summary);
    }
}
