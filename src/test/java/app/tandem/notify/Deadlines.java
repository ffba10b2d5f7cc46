package app.tandem.notify;

import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/** A task's reminder and escalation jobs, for tests that fire them. */
public final class Deadlines {

    private Deadlines() {
    }

    /** The open tasks of that kind in the instance: their deadline jobs, in the order they come. */
    public static List<Job> of(ProcessEngine engine, String processInstanceId, String taskKey) {
        List<String> tasks = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(taskKey).list().stream().map(Task::getId).toList();
        return engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).timers().list()
                .stream()
                .filter(job -> job instanceof JobEntity entity
                        && TaskDeadlineJob.TYPE.equals(entity.getJobHandlerType())
                        && tasks.contains(TaskDeadlineJob.Config.parse(entity.getJobHandlerConfigurationRaw()).taskId()))
                .sorted(Comparator.comparing(Job::getDuedate))
                .toList();
    }
}
