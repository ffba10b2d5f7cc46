package app.tandem.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import app.tandem.system.DistrictClock;

/** The year is reviewed: the campaign is over. */
@Component("closeCampaign")
class CloseCampaign implements ExecutionListener {

    private final Campaigns campaigns;
    private final DistrictClock clock;

    CloseCampaign(Campaigns campaigns, DistrictClock clock) {
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        campaigns.close(StakeholderCampaign.campaignId(execution), clock.today());
    }
}
