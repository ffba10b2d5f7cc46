package app.tandem.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** The year is reviewed: the campaign is over. */
@Component("closeCampaign")
class CloseCampaign implements ExecutionListener {

    private final Campaigns campaigns;
    private final CampaignCalendar calendar;

    CloseCampaign(Campaigns campaigns, CampaignCalendar calendar) {
        this.campaigns = campaigns;
        this.calendar = calendar;
    }

    @Override
    public void notify(DelegateExecution execution) {
        campaigns.close(FormChecks.campaignId(execution), calendar.today());
    }
}
