package app.tandem.notify;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Tells the district's managers that a task is overdue, before one of them gets the follow-up
 * task. The model names the overdue task in the service task's {@code escalates} property.
 */
@Component("escalateOverdueTask")
class EscalateOverdueTask implements JavaDelegate {

    static final String ESCALATES = "escalates";

    private final TaskService tasks;
    private final TaskReminders reminders;

    EscalateOverdueTask(TaskService tasks, TaskReminders reminders) {
        this.tasks = tasks;
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String taskKey = RemindAssignee.taskNamedBy(execution.getBpmnModelElementInstance(), ESCALATES);
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(taskKey).list()) {
            reminders.escalate(task);
        }
    }
}
