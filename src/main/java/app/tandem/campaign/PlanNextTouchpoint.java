package app.tandem.campaign;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import app.tandem.campaign.StakeholderCampaign.Var;
import app.tandem.system.DistrictClock;

/**
 * Plans the track's next touchpoint on the row's cadence: when its window opens, when it is due, when its
 * owner is reminded and when it counts as missed. None is planned once the next would fall after the
 * campaign's last day. The owner is read from the track each time, so a handover reaches later touchpoints.
 */
@Component("planNextTouchpoint")
class PlanNextTouchpoint implements JavaDelegate {

    private final OutreachTracks tracks;
    private final CommunicationPlans plans;
    private final Campaigns campaigns;
    private final DistrictClock clock;
    private final CampaignSettings settings;

    PlanNextTouchpoint(OutreachTracks tracks, CommunicationPlans plans, Campaigns campaigns, DistrictClock clock,
                       CampaignSettings settings) {
        this.tracks = tracks;
        this.plans = plans;
        this.campaigns = campaigns;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long trackId = ((Number) execution.getVariable(Var.TRACK_ID)).longValue();
        Track track = tracks.byId(trackId).orElseThrow();
        tracks.recordProcessInstance(trackId, execution.getProcessInstanceId());
        PlanRow row = plans.row(track.planRowId()).orElseThrow();
        Campaign campaign = campaigns.byId(track.campaignId()).orElseThrow();
        TouchpointSchedule schedule = TouchpointSchedule.of(track.openedOn(), row.anchorOn(), row.cadence(),
                track.firstStep());

        Integer previous = (Integer) execution.getVariable(Var.TOUCHPOINT_NUMBER);
        int number = previous == null ? 1 : previous + 1;
        execution.removeVariable(Var.FEEDBACK_ID);
        LocalDate dueOn = schedule.dueOn(number);
        if (dueOn.isAfter(campaign.endsOn())) {
            execution.setVariable(Var.TOUCHPOINT_OPEN, false);
            return;
        }
        LocalDate opensOn = schedule.opensOn(number);
        tracks.planTouchpoint(trackId, number, opensOn, dueOn);

        LocalDate remindOn = dueOn.minus(settings.touchpointReminderBefore());
        LocalDate missedOn = dueOn.plusDays(1).plus(settings.touchpointGrace());
        LocalDate nextDue = schedule.dueOn(number + 1);
        execution.setVariable(Var.TRACK_OWNER, track.ownerUsername());
        execution.setVariable(Var.TOUCHPOINT_NUMBER, number);
        execution.setVariable(Var.TOUCHPOINT_OPEN, true);
        execution.setVariable(Var.TOUCHPOINT_OPENS_AT, clock.startOf(opensOn));
        execution.setVariable(Var.TOUCHPOINT_DUE, clock.endOf(dueOn));
        execution.setVariable(Var.TOUCHPOINT_REMINDER_AT, clock.startOf(remindOn.isBefore(opensOn) ? opensOn : remindOn));
        execution.setVariable(Var.TOUCHPOINT_MISSED_AT, clock.startOf(missedOn.isAfter(nextDue) ? nextDue : missedOn));
    }
}
