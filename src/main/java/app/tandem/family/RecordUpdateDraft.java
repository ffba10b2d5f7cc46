package app.tandem.family;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import app.tandem.family.CaregiverProcesses.Var;
import app.tandem.forms.CompletedBy;
import app.tandem.forms.SubmittedForm;
import app.tandem.forms.SubmittedForms;
import app.tandem.system.DistrictClock;
import app.tandem.system.ProcessVariables;

/** Keeps the coordinator's draft in Tandem's tables and takes it out of the process. */
@Component("recordUpdateDraft")
class RecordUpdateDraft implements TaskListener {

    static final String SUBJECT = UpdateDraft.SUBJECT;
    static final String STANDING = UpdateDraft.STANDING;
    static final String AT_HOME = UpdateDraft.AT_HOME;
    static final String WIN = UpdateDraft.WIN;
    static final String SESSIONS_ATTENDED = UpdateDraft.SESSIONS_ATTENDED;

    private final SubmittedForms forms;
    private final CaregiverUpdates updates;
    private final DistrictClock clock;

    RecordUpdateDraft(SubmittedForms forms, CaregiverUpdates updates, DistrictClock clock) {
        this.forms = forms;
        this.updates = updates;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        SubmittedForm form = forms.of(task);
        UpdateDraft draft = new UpdateDraft(
                form.requiredOption(SUBJECT),
                form.requiredOption(STANDING),
                form.requiredOption(AT_HOME),
                form.requiredOption(WIN),
                form.requiredNumber(SESSIONS_ATTENDED, 0, 100));
        boolean review = form.flag(Var.TEACHER_REVIEW);
        form.discardFromProcess();
        updates.recordDraft(ProcessVariables.id(task, Var.UPDATE_ID), draft, CompletedBy.of(task), clock.now());
        task.setVariable(Var.TEACHER_REVIEW, review);
    }
}
