package app.tandem.campaign;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import app.tandem.campaign.StakeholderCampaign.Var;
import app.tandem.forms.CompletedBy;
import app.tandem.forms.SubmittedForm;
import app.tandem.forms.SubmittedForms;
import app.tandem.system.DistrictClock;

/** Keeps the answer to a stakeholder's feedback: what the district did about what they said. */
@Component("recordFeedbackAnswer")
class RecordFeedbackAnswer implements TaskListener {

    static final String ANSWER = "answer";

    private final SubmittedForms forms;
    private final FeedbackLog feedbackLog;
    private final DistrictClock clock;

    RecordFeedbackAnswer(SubmittedForms forms, FeedbackLog feedbackLog,
                         DistrictClock clock) {
        this.forms = forms;
        this.feedbackLog = feedbackLog;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        long feedbackId = ((Number) task.getVariable(Var.FEEDBACK_ID)).longValue();
        SubmittedForm form = forms.of(task);
        String answer = form.requiredText(ANSWER, 4000);
        form.discardFromProcess();
        feedbackLog.recordAnswer(feedbackId, answer, clock.today(), CompletedBy.of(task));
    }
}
