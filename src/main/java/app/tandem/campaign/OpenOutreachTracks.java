package app.tandem.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import app.tandem.system.DistrictClock;

/** One outreach track per row of the approved plan, each opening today with the row's owner. */
@Component("openOutreachTracks")
class OpenOutreachTracks implements JavaDelegate {

    private final CommunicationPlans plans;
    private final OutreachTracks tracks;
    private final DistrictClock clock;

    OpenOutreachTracks(CommunicationPlans plans, OutreachTracks tracks, DistrictClock clock) {
        this.plans = plans;
        this.tracks = tracks;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        for (PlanRow row : plans.rows(StakeholderCampaign.campaignId(execution))) {
            tracks.open(row, clock.today());
        }
    }
}
