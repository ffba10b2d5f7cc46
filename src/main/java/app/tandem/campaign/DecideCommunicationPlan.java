package app.tandem.campaign;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import app.tandem.campaign.StakeholderCampaign.Var;
import app.tandem.forms.CompletedBy;
import app.tandem.forms.SubmittedForm;
import app.tandem.forms.SubmittedForms;
import app.tandem.system.DistrictClock;

/**
 * A manager approves the plan, or sends it back with comments that say what to change. Either way the
 * decision is kept; a send-back reaches the campaign's lead by email and a new drafting task.
 */
@Component("decideCommunicationPlan")
class DecideCommunicationPlan implements TaskListener {

    static final String PLAN_DECISION = "planDecision";
    static final String REVIEW_COMMENT = "reviewComment";
    static final String APPROVE = "approve";
    static final String SEND_BACK = "send-back";

    private final SubmittedForms forms;
    private final Campaigns campaigns;
    private final CommunicationPlans plans;
    private final Checks checks;
    private final DistrictClock clock;
    private final CampaignSettings settings;
    private final CampaignMail mail;

    DecideCommunicationPlan(SubmittedForms forms, Campaigns campaigns, CommunicationPlans plans,
                            Checks checks, DistrictClock clock, CampaignSettings settings, CampaignMail mail) {
        this.forms = forms;
        this.campaigns = campaigns;
        this.plans = plans;
        this.checks = checks;
        this.clock = clock;
        this.settings = settings;
        this.mail = mail;
    }

    @Override
    public void notify(DelegateTask task) {
        Campaign campaign = campaigns.byId(StakeholderCampaign.campaignId(task)).orElseThrow();
        SubmittedForm form = forms.of(task);
        String decision = form.requiredOption(PLAN_DECISION);
        String comment = form.text(REVIEW_COMMENT, 2000);
        form.discardFromProcess();
        String by = CompletedBy.of(task);
        LocalDate today = clock.today();
        if (APPROVE.equals(decision)) {
            plans.recordReview(campaign.id(), PlanStatus.APPROVED, comment, by, clock.dateTime());
            campaigns.planStatus(campaign.id(), PlanStatus.APPROVED);
            task.setVariable(Var.PLAN_APPROVED, true);
            LocalDate playbookDue = today.plus(settings.playbookWorkWithin());
            task.setVariable(Var.PLAYBOOK_WORK_DUE,
                    clock.endOf(playbookDue.isAfter(campaign.endsOn()) ? campaign.endsOn() : playbookDue));
            return;
        }
        if (comment == null) {
            throw checks.invalid(REVIEW_COMMENT, "campaign.invalid.commentToSendBack");
        }
        plans.recordReview(campaign.id(), PlanStatus.SENT_BACK, comment, by, clock.dateTime());
        campaigns.planStatus(campaign.id(), PlanStatus.SENT_BACK);
        task.setVariable(Var.PLAN_APPROVED, false);
        task.setVariable(Var.PLAN_DUE, clock.endOf(today.plus(settings.planWithin())));
        mail.planSentBack(campaign, plans.reviews(campaign.id()).size(), comment, by);
    }
}
