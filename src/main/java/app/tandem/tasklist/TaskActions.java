package app.tandem.tasklist;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.springframework.stereotype.Component;

/**
 * What a task's model lets a person do to it besides completing it: each interrupting message boundary event on
 * the task (such as "Meeting to be moved" on "Hold the alignment meeting") is a button on the task page. Taking
 * the action takes the task back along that event's flow, so the diagram shows every way out of a task, and
 * the task page needs no code per process.
 */
@Component
public class TaskActions {

    /**
     * @param id      the boundary event's id; {@code action.<processKey>.<id>} names it in the reader's language
     * @param message the message that triggers it
     * @param name    the model's own name, the fallback label
     * @param nextKey the task its flow leads to, if it leads to one straight away
     */
    public record TaskAction(String id, String message, String name, String nextKey) {
    }

    private final RepositoryService repository;

    TaskActions(RepositoryService repository) {
        this.repository = repository;
    }

    public List<TaskAction> of(TaskRecord task) {
        return repository.getBpmnModelInstance(task.processDefinitionId())
                .getModelElementsByType(BoundaryEvent.class).stream()
                .filter(event -> event.cancelActivity() && event.getAttachedTo() != null
                        && task.taskKey().equals(event.getAttachedTo().getId()))
                .flatMap(event -> event.getEventDefinitions().stream()
                        .filter(MessageEventDefinition.class::isInstance)
                        .map(MessageEventDefinition.class::cast)
                        .filter(definition -> definition.getMessage() != null)
                        .map(definition -> new TaskAction(event.getId(), definition.getMessage().getName(),
                                event.getName(), event.getOutgoing().stream().findFirst()
                                .map(flow -> flow.getTarget().getId()).orElse(null))))
                .toList();
    }

    Optional<TaskAction> find(TaskRecord task, String actionId) {
        return of(task).stream().filter(action -> action.id().equals(actionId)).findFirst();
    }
}
