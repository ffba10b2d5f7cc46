package app.tandem.tasklist;

import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import app.tandem.system.EveryUserTask;

/**
 * Gives every user task of every deployed process a built-in listener that feeds the tasklist's
 * read model. Built-in rather than Spring's event bridge: an operator's "skip custom listeners"
 * in Cockpit cannot bypass it, and it does not hang on the {@code camunda.bpm.eventing} switches
 * other features may turn off for speed.
 */
@Component
class OpenTaskTracking extends AbstractProcessEnginePlugin {

    private static final List<String> EVENTS = List.of(TaskListener.EVENTNAME_CREATE,
            TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_UPDATE, TaskListener.EVENTNAME_COMPLETE,
            TaskListener.EVENTNAME_DELETE);

    private final ObjectProvider<OpenTaskProjection> projection;

    OpenTaskTracking(ObjectProvider<OpenTaskProjection> projection) {
        this.projection = projection;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EveryUserTask.listen(configuration, EVENTS, task -> projection.getObject().on(task));
    }
}
