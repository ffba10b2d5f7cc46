package app.tandem.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * A listener on every user task of every model, added as the models are parsed, so no model can leave it out
 * and none has to name it. For engine plugins, before the engine starts.
 */
public final class EveryUserTask {

    private EveryUserTask() {
    }

    public static void listen(ProcessEngineConfigurationImpl configuration, List<String> events,
                              TaskListener listener) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
        if (listeners == null) {
            listeners = new ArrayList<>();
            configuration.setCustomPostBPMNParseListeners(listeners);
        }
        add(listeners, events, listener);
    }

    /** The same, ahead of every listener added with {@link #listen}: for checks that must refuse before others act. */
    public static void listenFirst(ProcessEngineConfigurationImpl configuration, List<String> events,
                                   TaskListener listener) {
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners();
        if (listeners == null) {
            listeners = new ArrayList<>();
            configuration.setCustomPreBPMNParseListeners(listeners);
        }
        add(listeners, events, listener);
    }

    private static void add(List<BpmnParseListener> listeners, List<String> events, TaskListener listener) {
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    TaskDefinition definition = behavior.getTaskDefinition();
                    events.forEach(event -> definition.addBuiltInTaskListener(event, listener));
                }
            }
        });
    }
}
