package app.tandem.program;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import app.tandem.program.SchoolProgram.Var;

/** A window closed with no check-in held: recorded as missed, so indicator 4d.2 counts it. */
@Component("recordMissedCheckIn")
class RecordMissedCheckIn implements JavaDelegate {

    private final Milestones milestones;

    RecordMissedCheckIn(Milestones milestones) {
        this.milestones = milestones;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProgramRef ref = ProgramRef.of(execution, execution.getProcessInstanceId());
        milestones.recordMissed(ref.termId(), MilestoneKind.CHECK_IN, (Integer) execution.getVariable(Var.CHECK_IN_NUMBER));
    }
}
