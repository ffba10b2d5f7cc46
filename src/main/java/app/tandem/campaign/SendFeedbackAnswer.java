package app.tandem.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import app.tandem.campaign.StakeholderCampaign.Var;

/** The answer goes back to the stakeholder who gave the feedback, in their language, through the outbox. */
@Component("sendFeedbackAnswer")
class SendFeedbackAnswer implements JavaDelegate {

    private final FeedbackLog feedbackLog;
    private final Contacts contacts;
    private final Campaigns campaigns;
    private final CampaignMail mail;

    SendFeedbackAnswer(FeedbackLog feedbackLog, Contacts contacts, Campaigns campaigns, CampaignMail mail) {
        this.feedbackLog = feedbackLog;
        this.contacts = contacts;
        this.campaigns = campaigns;
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Feedback feedback = feedbackLog.byId(((Number) execution.getVariable(Var.FEEDBACK_ID)).longValue()).orElseThrow();
        Contact contact = contacts.byId(feedback.contactId()).orElseThrow();
        if (contact.email() == null) {
            return;
        }
        long messageId = mail.feedbackAnswer(campaigns.byId(feedback.campaignId()).orElseThrow(), feedback, contact);
        feedbackLog.recordAnswerMessage(feedback.id(), messageId);
    }
}
