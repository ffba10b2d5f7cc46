package app.tandem.campaign;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import app.tandem.campaign.StakeholderCampaign.Var;
import app.tandem.forms.SubmittedForm;
import app.tandem.forms.SubmittedForms;
import app.tandem.system.DistrictClock;
import app.tandem.system.FieldErrors;

/** Sends the drafted plan to the approving manager, once every row holds up. */
@Component("submitCommunicationPlan")
class SubmitCommunicationPlan implements TaskListener {

    static final String PLAN_READY = "planReady";

    private final SubmittedForms forms;
    private final Campaigns campaigns;
    private final CommunicationPlans plans;
    private final Checks checks;
    private final DistrictClock clock;
    private final CampaignSettings settings;

    SubmitCommunicationPlan(SubmittedForms forms, Campaigns campaigns, CommunicationPlans plans, Checks checks,
                            DistrictClock clock, CampaignSettings settings) {
        this.forms = forms;
        this.campaigns = campaigns;
        this.plans = plans;
        this.checks = checks;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public void notify(DelegateTask task) {
        Campaign campaign = campaigns.byId(StakeholderCampaign.campaignId(task)).orElseThrow();
        SubmittedForm form = forms.of(task);
        form.text(PLAN_READY, 10);
        form.discardFromProcess();
        List<PlanRow> rows = plans.rows(campaign.id());
        if (rows.isEmpty()) {
            throw checks.invalid(PLAN_READY, "campaign.invalid.planEmpty");
        }
        for (PlanRow row : rows) {
            FieldErrors errors = plans.check(campaign, PlanRowEntry.of(row));
            if (!errors.isEmpty()) {
                throw checks.invalid(PLAN_READY, "campaign.invalid.rowProblem", row.sortOrder(),
                        errors.messages().iterator().next());
            }
        }
        campaigns.planStatus(campaign.id(), PlanStatus.SUBMITTED);
        task.setVariable(Var.APPROVAL_DUE, clock.endOf(clock.today().plus(settings.approvalWithin())));
    }
}
