package app.tandem.family;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import app.tandem.family.CaregiverProcesses.Var;
import app.tandem.system.ProcessVariables;

/** A week of the term began: counts the week and starts the progress updates that fall due in it. */
@Component("startCaregiverUpdates")
class StartCaregiverUpdates implements JavaDelegate {

    private final CaregiverUpdateStarts starts;

    StartCaregiverUpdates(CaregiverUpdateStarts starts) {
        this.starts = starts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object before = execution.getVariable(Var.UPDATE_WEEK);
        int week = before == null ? 1 : ((Number) before).intValue() + 1;
        execution.setVariable(Var.UPDATE_WEEK, week);
        starts.startDue(ProcessVariables.id(execution, ProcessVariables.SCHOOL_ID), ProcessVariables.id(execution, ProcessVariables.TERM_ID), week);
    }
}
