package app.tandem.family;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.tandem.system.ProcessVariables;
import app.tandem.program.ProgramCancelled;

/** Introductions and progress updates of a cancelled term stop with its program. */
@Component
class EndCaregiverProcessesOfCancelledTerm {

    private final RuntimeService runtime;

    EndCaregiverProcessesOfCancelledTerm(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    public void on(ProgramCancelled cancelled) {
        for (String key : List.of(CaregiverProcesses.ONBOARDING_PROCESS_KEY, CaregiverProcesses.UPDATE_PROCESS_KEY,
                CaregiverProcesses.REACH_INSTEAD_PROCESS_KEY)) {
            List<String> ids = runtime.createProcessInstanceQuery().processDefinitionKey(key)
                    .variableValueEquals(ProcessVariables.TERM_ID, cancelled.termId())
                    .list().stream().map(ProcessInstance::getId).toList();
            if (!ids.isEmpty()) {
                runtime.deleteProcessInstances(ids, cancelled.reason(), false, true);
            }
        }
    }
}
