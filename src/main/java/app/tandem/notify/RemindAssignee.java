package app.tandem.notify;

import java.util.Date;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

import app.tandem.system.DistrictClock;
import app.tandem.system.Messages;

/**
 * Reminds the people on an open task that its due date is near: the task moves up their list,
 * carries a dated note, and they get an email (through the outbox, in this timer's transaction).
 * The model names the task in the service task's {@code remindsAbout} property.
 */
@Component("remindAssignee")
class RemindAssignee implements JavaDelegate {

    static final String REMINDS_ABOUT = "remindsAbout";
    static final int REMINDED_PRIORITY = 75;

    private final TaskService tasks;
    private final DistrictClock clock;
    private final Messages messages;
    private final TaskReminders reminders;

    RemindAssignee(TaskService tasks, DistrictClock clock, Messages messages, TaskReminders reminders) {
        this.tasks = tasks;
        this.clock = clock;
        this.messages = messages;
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String taskKey = taskNamedBy(execution.getBpmnModelElementInstance(), REMINDS_ABOUT);
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(taskKey).list()) {
            if (task.getPriority() < REMINDED_PRIORITY) {
                task.setPriority(REMINDED_PRIORITY);
                tasks.saveTask(task);
            }
            Date due = task.getDueDate();
            tasks.createComment(task.getId(), task.getProcessInstanceId(),
                    messages.text(java.util.Locale.ENGLISH, "reminder.comment",
                            due == null ? "" : clock.dayOf(due).toString()));
            reminders.remind(task);
        }
    }

    static String taskNamedBy(FlowElement element, String property) {
        if (element.getExtensionElements() != null) {
            for (CamundaProperties properties : element.getExtensionElements()
                    .getChildElementsByType(CamundaProperties.class)) {
                for (CamundaProperty camundaProperty : properties.getCamundaProperties()) {
                    if (property.equals(camundaProperty.getCamundaName())) {
                        return camundaProperty.getCamundaValue();
                    }
                }
            }
        }
        throw new IllegalStateException("Service task " + element.getId() + " has no '" + property
                + "' property naming its task");
    }
}
