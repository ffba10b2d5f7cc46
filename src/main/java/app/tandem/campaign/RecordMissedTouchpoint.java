package app.tandem.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import app.tandem.campaign.StakeholderCampaign.Var;

/** A touchpoint's grace ran out with nothing recorded: it stays on the track as missed, and the next one is planned. */
@Component("recordMissedTouchpoint")
class RecordMissedTouchpoint implements JavaDelegate {

    private final OutreachTracks tracks;

    RecordMissedTouchpoint(OutreachTracks tracks) {
        this.tracks = tracks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        tracks.recordMissed(((Number) execution.getVariable(Var.TRACK_ID)).longValue(),
                (Integer) execution.getVariable(Var.TOUCHPOINT_NUMBER));
    }
}
