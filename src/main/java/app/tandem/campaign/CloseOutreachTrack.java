package app.tandem.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import app.tandem.campaign.StakeholderCampaign.Var;
import app.tandem.system.DistrictClock;

/** The track has no touchpoint left before the campaign's end. */
@Component("closeOutreachTrack")
class CloseOutreachTrack implements ExecutionListener {

    private final OutreachTracks tracks;
    private final DistrictClock clock;

    CloseOutreachTrack(OutreachTracks tracks, DistrictClock clock) {
        this.tracks = tracks;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        tracks.close(((Number) execution.getVariable(Var.TRACK_ID)).longValue(), clock.today());
    }
}
