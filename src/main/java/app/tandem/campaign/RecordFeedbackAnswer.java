package app.tandem.campaign;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import app.tandem.campaign.StakeholderCampaign.Var;
import app.tandem.forms.SubmittedForm;
import app.tandem.forms.SubmittedForms;

/** Keeps the answer to a stakeholder's feedback: what the district did about what they said. */
@Component("recordFeedbackAnswer")
class RecordFeedbackAnswer implements TaskListener {

    static final String ANSWER = "answer";

    private final SubmittedForms forms;
    private final FormChecks formChecks;
    private final FeedbackLog feedbackLog;
    private final CampaignCalendar calendar;

    RecordFeedbackAnswer(SubmittedForms forms, FormChecks formChecks, FeedbackLog feedbackLog,
                         CampaignCalendar calendar) {
        this.forms = forms;
        this.formChecks = formChecks;
        this.feedbackLog = feedbackLog;
        this.calendar = calendar;
    }

    @Override
    public void notify(DelegateTask task) {
        long feedbackId = ((Number) task.getVariable(Var.FEEDBACK_ID)).longValue();
        SubmittedForm form = forms.of(task);
        String answer = formChecks.requiredText(form, ANSWER, 4000);
        form.discardFromProcess();
        feedbackLog.recordAnswer(feedbackId, answer, calendar.today(), FormChecks.actor(task));
    }
}
