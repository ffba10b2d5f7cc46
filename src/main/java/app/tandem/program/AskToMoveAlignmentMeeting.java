package app.tandem.program;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A manager's follow-up asked for the alignment meeting to be moved: the meeting task is taken back exactly as
 * when a coordinator moves the meeting from its task page, so there is one way to move it.
 */
@Component("askToMoveAlignmentMeeting")
class AskToMoveAlignmentMeeting implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.getProcessEngineServices().getRuntimeService()
                .createMessageCorrelation(SchoolProgram.ALIGNMENT_MEETING_TO_BE_MOVED)
                .processInstanceId(execution.getProcessInstanceId())
                .correlateWithResult();
    }
}
