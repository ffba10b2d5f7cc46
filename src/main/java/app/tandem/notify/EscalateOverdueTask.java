package app.tandem.notify;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Kept for the version-1 school-program model (release 50e4aad), whose "Tell the managers" step calls this name
 * when its own "Meeting overdue" timer fires, before a manager gets the follow-up task. Today a task's deadline
 * jobs ({@link TaskDeadlines}) escalate it; this hands the task named in the step's {@code escalates} property
 * to the same escalation to the managers, so each manager hears once (the message key is the same when their
 * job comes). Delete once no version-1 program runs.
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
