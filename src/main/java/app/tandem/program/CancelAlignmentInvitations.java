package app.tandem.program;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Kept for the version-1 school-program model (release 50e4aad), which calls this name when its meeting task
 * ends. That model has no end listener on the program, so a version-1 program stopped with its term before the
 * meeting reaches today's cancellation ({@link CancelPlannedMeetings}) only through here; a meeting task that
 * was completed cancels nothing. Delete once no version-1 program runs.
 */
@Component("cancelAlignmentInvitations")
class CancelAlignmentInvitations implements ExecutionListener {

    private final CancelPlannedMeetings plannedMeetings;

    CancelAlignmentInvitations(CancelPlannedMeetings plannedMeetings) {
        this.plannedMeetings = plannedMeetings;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            plannedMeetings.notify(execution);
        }
    }
}
