package app.tandem.campaign;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import app.tandem.campaign.StakeholderCampaign.Var;
import app.tandem.system.DistrictClock;

/**
 * Starts the feedback's own loop (stakeholder-feedback): a task for whoever heard it, due a set time later,
 * with a reminder before. The loop outlives the track, so an answer is owed even after the campaign's end.
 */
@Component("passOnFeedback")
class PassOnFeedback implements JavaDelegate {

    private final FeedbackLog feedbackLog;
    private final Campaigns campaigns;
    private final DistrictClock clock;
    private final CampaignSettings settings;

    PassOnFeedback(FeedbackLog feedbackLog, Campaigns campaigns, DistrictClock clock, CampaignSettings settings) {
        this.feedbackLog = feedbackLog;
        this.campaigns = campaigns;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long feedbackId = ((Number) execution.getVariable(Var.FEEDBACK_ID)).longValue();
        Feedback feedback = feedbackLog.byId(feedbackId).orElseThrow();
        Campaign campaign = campaigns.byId(feedback.campaignId()).orElseThrow();
        LocalDate today = clock.today();
        LocalDate remindOn = feedback.dueOn().minus(settings.feedbackReminderBefore());
        String processInstanceId = execution.getProcessEngineServices().getRuntimeService()
                .createMessageCorrelation(StakeholderCampaign.FEEDBACK_RECORDED)
                .processInstanceBusinessKey(campaign.businessKey() + "/feedback-" + feedbackId)
                .setVariables(Variables.createVariables()
                        .putValue(Var.FEEDBACK_ID, feedbackId)
                        .putValue(Var.CAMPAIGN_ID, campaign.id())
                        .putValue(Var.ANSWER_OWNER, feedback.ownerUsername())
                        .putValue(Var.ANSWER_DUE, clock.endOf(feedback.dueOn()))
                        .putValue(Var.ANSWER_REMINDER_AT, clock.startOf(remindOn.isBefore(today) ? today : remindOn)))
                .correlateStartMessage()
                .getId();
        feedbackLog.recordProcessInstance(feedbackId, processInstanceId);
        execution.removeVariable(Var.FEEDBACK_ID);
    }
}
