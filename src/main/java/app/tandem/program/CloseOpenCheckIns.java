package app.tandem.program;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The term is over: a check-in whose window was still open is recorded as missed, not lost. */
@Component("closeOpenCheckIns")
class CloseOpenCheckIns implements JavaDelegate {

    private final Milestones milestones;

    CloseOpenCheckIns(Milestones milestones) {
        this.milestones = milestones;
    }

    @Override
    public void execute(DelegateExecution execution) {
        milestones.closeOpenCheckIns(ProgramRef.of(execution, execution.getProcessInstanceId()).termId());
    }
}
