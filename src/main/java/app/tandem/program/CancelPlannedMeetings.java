package app.tandem.program;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import app.tandem.notify.MeetingInvitations;
import app.tandem.system.DistrictClock;

/**
 * When a program ends (closed, or stopped with its term): a meeting still planned for today or later will not
 * take place, so everyone invited gets a calendar cancellation. A meeting moved to another day is not ended
 * but planned again, so its invitees get an update instead (see {@link PlanAlignmentMeeting}).
 */
@Component("cancelPlannedMeetings")
class CancelPlannedMeetings implements ExecutionListener {

    private final Milestones milestones;
    private final MeetingInvitations invitations;
    private final DistrictClock clock;

    CancelPlannedMeetings(Milestones milestones, MeetingInvitations invitations, DistrictClock clock) {
        this.milestones = milestones;
        this.invitations = invitations;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        ProgramRef ref = ProgramRef.of(execution, execution.getProcessInstanceId());
        milestones.ofTerm(ref.termId()).stream()
                .filter(m -> m.kind() != MilestoneKind.IMPACT_SUMMARY
                        && m.status() == MilestoneStatus.PLANNED && m.plannedOn() != null
                        && !m.plannedOn().isBefore(clock.today()))
                .forEach(m -> invitations.drop(m.id(), ref.schoolId(), MeetingTitles.of(m.kind()), null));
    }
}
