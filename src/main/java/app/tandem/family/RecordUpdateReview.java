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

/** A teacher's review: each part they chose replaces the coordinator's; what they left empty stays. */
@Component("recordUpdateReview")
class RecordUpdateReview implements TaskListener {

    private final SubmittedForms forms;
    private final CaregiverUpdates updates;
    private final DistrictClock clock;

    RecordUpdateReview(SubmittedForms forms, CaregiverUpdates updates, DistrictClock clock) {
        this.forms = forms;
        this.updates = updates;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        long updateId = ProcessVariables.id(task, Var.UPDATE_ID);
        UpdateDraft drafted = updates.find(updateId).orElseThrow().draft();
        SubmittedForm form = forms.of(task);
        String standing = form.option(RecordUpdateDraft.STANDING);
        String atHome = form.option(RecordUpdateDraft.AT_HOME);
        String win = form.option(RecordUpdateDraft.WIN);
        Integer sessions = form.number(RecordUpdateDraft.SESSIONS_ATTENDED, 0, 100).orElse(null);
        form.discardFromProcess();
        UpdateDraft reviewed = new UpdateDraft(drafted.subject(),
                standing == null ? drafted.standing() : standing,
                atHome == null ? drafted.atHome() : atHome,
                win == null ? drafted.win() : win,
                sessions == null ? drafted.sessionsAttended() : sessions);
        updates.recordReview(updateId, reviewed, CompletedBy.of(task), clock.now());
    }
}
