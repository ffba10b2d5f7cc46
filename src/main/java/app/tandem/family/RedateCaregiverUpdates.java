package app.tandem.family;

import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.tandem.program.ProgramRedated;
import app.tandem.program.SchoolProgram;
import app.tandem.system.ProcessVariables;

/**
 * A running term's last day moved: the weekly caregiver-update timer repeats for the weeks of the new term,
 * so a later end gets its updates too (its anchor, the term's first day, cannot move once the term began).
 * The engine offers no call to change a waiting timer's cycle, so it is changed on the job in a command.
 */
@Component
class RedateCaregiverUpdates {

    private final RuntimeService runtime;
    private final ManagementService management;
    private final ProcessEngineConfiguration configuration;
    private final CaregiverUpdateCadence cadence;

    RedateCaregiverUpdates(RuntimeService runtime, ManagementService management,
                           ProcessEngineConfiguration configuration, CaregiverUpdateCadence cadence) {
        this.runtime = runtime;
        this.management = management;
        this.configuration = configuration;
        this.cadence = cadence;
    }

    @EventListener
    public void onRedated(ProgramRedated redated) {
        for (Job timer : management.createJobQuery().processInstanceId(redated.processInstanceId())
                .activityId(CaregiverProcesses.CAREGIVER_UPDATES_DUE).timers().list()) {
            String cycle = cadence.timerCycle(
                    (Date) runtime.getVariable(redated.processInstanceId(), SchoolProgram.Var.TERM_STARTS_AT),
                    (Date) runtime.getVariable(redated.processInstanceId(), SchoolProgram.Var.TERM_ENDS_AT),
                    ((Number) runtime.getVariable(redated.processInstanceId(), ProcessVariables.SCHOOL_ID)).longValue());
            ((ProcessEngineConfigurationImpl) configuration).getCommandExecutorTxRequired().execute(context -> {
                ((TimerEntity) context.getJobManager().findJobById(timer.getId())).setRepeat(cycle);
                return null;
            });
        }
    }
}
