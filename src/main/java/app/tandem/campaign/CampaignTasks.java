package app.tandem.campaign;

import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Completes a campaign task from a Tandem page as the signed-in person, so the task's listeners record who
 * did it, exactly as when the task is done in a tasklist.
 */
@Component
class CampaignTasks {

    private final TaskService tasks;
    private final IdentityService identity;

    CampaignTasks(TaskService tasks, IdentityService identity) {
        this.tasks = tasks;
        this.identity = identity;
    }

    Optional<Task> open(String processInstanceId, String taskKey) {
        if (processInstanceId == null) {
            return Optional.empty();
        }
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).list().stream()
                .findFirst();
    }

    void complete(Task task, String username, Map<String, Object> variables) {
        Authentication before = identity.getCurrentAuthentication();
        identity.setAuthenticatedUserId(username);
        try {
            tasks.complete(task.getId(), variables);
        } finally {
            identity.setAuthentication(before);
        }
    }
}
