package app.tandem.program;

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

/** Keeps the impact summary the close-out meeting will discuss. */
@Component("recordImpactSummary")
class RecordImpactSummary implements TaskListener {

    static final String STUDENTS_SERVED = "studentsServed";
    static final String PROGRESS_SUMMARY = "progressSummary";
    static final String WHAT_WORKED = "whatWorked";
    static final String WHAT_TO_CHANGE = "whatToChange";

    private final SubmittedForms forms;
    private final Milestones milestones;
    private final DistrictClock clock;
    private final Messages messages;

    RecordImpactSummary(SubmittedForms forms, Milestones milestones, DistrictClock clock, Messages messages) {
        this.forms = forms;
        this.milestones = milestones;
        this.clock = clock;
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

        DistrictClock clock = this.clock.forSchool(ref.schoolId());
        long id = milestones.recordHeld(ref, MilestoneKind.IMPACT_SUMMARY, 1,
                clock.dayOf((Date) task.getVariable(Var.IMPACT_SUMMARY_DUE)), clock.today(), null, null,
                CompletedBy.of(task), clock.dateTime());
        milestones.recordImpactSummary(id, summary);
    }
}
