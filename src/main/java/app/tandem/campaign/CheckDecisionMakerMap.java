package app.tandem.campaign;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import app.tandem.campaign.StakeholderCampaign.Var;
import app.tandem.forms.SubmittedForm;
import app.tandem.forms.SubmittedForms;
import app.tandem.system.DistrictClock;

/**
 * The map is done when it names at least one current contact who decides. The plan's drafting is due a set
 * time after that.
 */
@Component("checkDecisionMakerMap")
class CheckDecisionMakerMap implements TaskListener {

    static final String MAP_REVIEWED = "mapReviewed";

    private final SubmittedForms forms;
    private final Campaigns campaigns;
    private final Contacts contacts;
    private final Checks checks;
    private final DistrictClock clock;
    private final CampaignSettings settings;

    CheckDecisionMakerMap(SubmittedForms forms, Campaigns campaigns, Contacts contacts, Checks checks,
                          DistrictClock clock, CampaignSettings settings) {
        this.forms = forms;
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.checks = checks;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public void notify(DelegateTask task) {
        Campaign campaign = campaigns.byId(StakeholderCampaign.campaignId(task)).orElseThrow();
        SubmittedForm form = forms.of(task);
        form.text(MAP_REVIEWED, 10);
        form.discardFromProcess();
        if (contacts.countCurrent(campaign.districtId(), false) == 0) {
            throw checks.invalid(MAP_REVIEWED, "campaign.invalid.mapEmpty");
        }
        if (contacts.countCurrent(campaign.districtId(), true) == 0) {
            throw checks.invalid(MAP_REVIEWED, "campaign.invalid.noDecisionMaker");
        }
        task.setVariable(Var.PLAN_DUE, clock.endOf(clock.today().plus(settings.planWithin())));
    }
}
