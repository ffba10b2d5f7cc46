package app.tandem.program;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import app.tandem.notify.MeetingInvitations;

/**
 * The alignment meeting will not take place when its task is cancelled (the program is stopped
 * before the meeting is recorded): everyone invited gets a calendar cancellation.
 */
@Component("cancelAlignmentInvitations")
class CancelAlignmentInvitations implements ExecutionListener {

    private final Milestones milestones;
    private final MeetingInvitations invitations;

    CancelAlignmentInvitations(Milestones milestones, MeetingInvitations invitations) {
        this.milestones = milestones;
        this.invitations = invitations;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (!execution.isCanceled()) {
            return;
        }
        ProgramRef ref = ProgramRef.of(execution, execution.getProcessInstanceId());
        milestones.find(ref.termId(), MilestoneKind.ALIGNMENT_MEETING, 1)
                .filter(m -> m.status() == MilestoneStatus.PLANNED)
                .ifPresent(m -> invitations.drop(m.id(), ref.schoolId(), PlanAlignmentMeeting.MEETING_TITLE, null));
    }
}
