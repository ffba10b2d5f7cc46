package app.tandem.tasklist;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import app.tandem.system.EveryUserTask;

/**
 * Puts the {@link FormSubmissionListener} on every user task as the engine parses a process, ahead of the task's
 * own listeners, so no door to completing a task skips the form's checks or its record; and lets a refused input
 * reach the caller as itself ({@link EngineRefusals}).
 */
@Component
class FormsAtEveryDoor extends AbstractProcessEnginePlugin {

    private final FormSubmissionListener listener;

    // Lazy: the listener's collaborators need the engine this plugin helps to build.
    FormsAtEveryDoor(@Lazy FormSubmissionListener listener) {
        this.listener = listener;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new EngineRefusals());
        EveryUserTask.listenFirst(configuration, List.of(TaskListener.EVENTNAME_COMPLETE), listener);
    }
}
