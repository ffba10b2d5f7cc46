package app.tandem.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** One outreach track per row of the approved plan, each opening today with the row's owner. */
@Component("openOutreachTracks")
class OpenOutreachTracks implements JavaDelegate {

    private final CommunicationPlans plans;
    private final OutreachTracks tracks;
    private final CampaignCalendar calendar;

    OpenOutreachTracks(CommunicationPlans plans, OutreachTracks tracks, CampaignCalendar calendar) {
        this.plans = plans;
        this.tracks = tracks;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        for (PlanRow row : plans.rows(FormChecks.campaignId(execution))) {
            tracks.open(row, calendar.today());
        }
    }
}
