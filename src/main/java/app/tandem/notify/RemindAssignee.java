package app.tandem.notify;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

import app.tandem.system.ProcessVariables;

/**
 * Reminds the owner of a campaign touchpoint or feedback, from the campaign models' own boundary timers: the task
 * moves up their list, carries a dated note, and they get an email (through the outbox, in this timer's
 * transaction). The model names the task in the service task's {@code remindsAbout} property. Tasks with a school
 * and a due date are reminded by {@link TaskDeadlines} instead, so a model's own timer on one (the version-1
 * school-program's "Meeting soon", release 50e4aad) adds nothing.
 */
@Component("remindAssignee")
class RemindAssignee implements JavaDelegate {

    static final String REMINDS_ABOUT = "remindsAbout";
    private final TaskService tasks;
    private final TaskReminders reminders;

    RemindAssignee(TaskService tasks, TaskReminders reminders) {
        this.tasks = tasks;
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String taskKey = taskNamedBy(execution.getBpmnModelElementInstance(), REMINDS_ABOUT);
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(taskKey).list()) {
            if (task.getDueDate() != null && execution.getVariable(ProcessVariables.SCHOOL_ID) != null) {
                continue;
            }
            reminders.markReminded(task);
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
