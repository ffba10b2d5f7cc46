package app.tandem.forms;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import app.tandem.system.DistrictClock;
import app.tandem.system.Messages;

/** Reads what a task's form submitted, against the form deployed with the task's process. */
@Component
public class SubmittedForms {

    private final Messages messages;
    private final DistrictClock clock;
    private final FormCatalog catalog;

    public SubmittedForms(Messages messages, DistrictClock clock, FormCatalog catalog) {
        this.messages = messages;
        this.clock = clock;
        this.catalog = catalog;
    }

    /** A task's submission; its options are the ones its deployed form offers. */
    public SubmittedForm of(DelegateTask task) {
        return new SubmittedForm(task, messages, clock,
                catalog.forTask(task.getProcessDefinitionId(), task.getTaskDefinitionKey()).orElse(null));
    }

    /** Values handed to a process some other way than a task's form (an execution's variables). */
    public SubmittedForm of(VariableScope scope) {
        if (scope instanceof DelegateTask task) {
            return of(task);
        }
        return new SubmittedForm(scope, messages, clock, null);
    }
}
