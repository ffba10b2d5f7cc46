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

    static final String SUBJECT = "subject";
    static final String STANDING = "standing";
    static final String AT_HOME = "atHome";
    static final String WIN = "win";
    static final String SESSIONS_ATTENDED = "sessionsAttended";

    private final SubmittedForms forms;
    private final FormChoices choices;
    private final CaregiverUpdates updates;
    private final DistrictClock clock;

    RecordUpdateDraft(SubmittedForms forms, FormChoices choices, CaregiverUpdates updates, DistrictClock clock) {
        this.forms = forms;
        this.choices = choices;
        this.updates = updates;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        SubmittedForm form = forms.of(task);
        UpdateDraft draft = new UpdateDraft(
                choices.required(form, SUBJECT, UpdateDraft.SUBJECTS),
                choices.required(form, STANDING, UpdateDraft.STANDINGS),
                choices.required(form, AT_HOME, UpdateDraft.AT_HOME),
                choices.required(form, WIN, UpdateDraft.WINS),
                choices.requiredNumber(form, SESSIONS_ATTENDED, 0, 100));
        boolean review = FormChoices.flag(form, Var.TEACHER_REVIEW);
        form.discardFromProcess();
        updates.recordDraft(ProcessVariables.id(task, Var.UPDATE_ID), draft, CompletedBy.of(task), clock.now());
        task.setVariable(Var.TEACHER_REVIEW, review);
    }
}
