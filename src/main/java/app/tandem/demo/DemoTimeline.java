package app.tandem.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import app.tandem.notify.OutboxSender;
import app.tandem.system.DistrictClock;

/**
 * Plays a school's past on the engine: completes tasks, fires timers and runs the asynchronous steps
 * (the jobs after them) on the days they happened, so a demo program stands where its dates say, with
 * history to match. Only safe while the job executor is paused, because it moves the engine's clock;
 * for the same reason it must run every job the played past left, or the executor would run it later
 * on the real day.
 */
@Component
class DemoTimeline {

    private static final LocalTime WORKING_HOURS = LocalTime.of(10, 0);

    private final TaskService tasks;
    private final ManagementService management;
    private final IdentityService identity;
    private final DistrictClock clock;
    private final RuntimeService runtime;

    private final OutboxSender outbox;

    DemoTimeline(TaskService tasks, ManagementService management, IdentityService identity,
                 DistrictClock clock, RuntimeService runtime, OutboxSender outbox) {
        this.outbox = outbox;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.identity = identity;
        this.clock = clock;
    }

    void complete(LocalDate day, String processInstanceId, String taskKey, String username,
                  Map<String, Object> form) {
        on(day, () -> {
            Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
                    .singleResult();
            tasks.claim(task.getId(), username);
            identity.setAuthenticatedUserId(username);
            try {
                tasks.complete(task.getId(), form);
            } finally {
                identity.clearAuthentication();
            }
        });
    }

    /** Completes every open task of that kind in every instance of a process, as one person. */
    int completeAll(LocalDate day, String processKey, String taskKey, String username, Map<String, Object> form) {
        int[] count = {0};
        on(day, () -> {
            for (Task task : tasks.createTaskQuery().processDefinitionKey(processKey).taskDefinitionKey(taskKey).list()) {
                tasks.claim(task.getId(), username);
                identity.setAuthenticatedUserId(username);
                try {
                    tasks.complete(task.getId(), form);
                    count[0]++;
                } finally {
                    identity.clearAuthentication();
                }
            }
        });
        return count[0];
    }

    /** Completes every open task of that kind in every instance of a process, as one person, each with its own form. */
    void completeEach(LocalDate day, String processKey, String taskKey, String username,
                      java.util.function.Function<Task, Map<String, Object>> form) {
        on(day, () -> {
            for (Task task : tasks.createTaskQuery().processDefinitionKey(processKey).taskDefinitionKey(taskKey).list()) {
                tasks.claim(task.getId(), username);
                identity.setAuthenticatedUserId(username);
                try {
                    tasks.complete(task.getId(), form.apply(task));
                } finally {
                    identity.clearAuthentication();
                }
            }
        });
    }

    /** Executes the one job of the instance at that activity on the day it falls due: a timer left to its day. */
    void fireWhenDue(String processInstanceId, String activityId) {
        Job job = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
                .singleResult();
        fire(clock.dayOf(job.getDuedate()), processInstanceId, activityId);
    }

    /** Runs, on that day, every job of the instance due by then: a task's reminder and escalations. */
    void runDue(LocalDate day, String processInstanceId) {
        on(day, () -> {
            for (int round = 0; round < 5; round++) {
                java.util.List<Job> jobs = management.createJobQuery().processInstanceId(processInstanceId)
                        .executable().list();
                if (jobs.isEmpty()) {
                    return;
                }
                jobs.forEach(job -> management.executeJob(job.getId()));
            }
        });
    }

    /** Takes one of a task's actions, as its task page's button does: the model's message to the instance. */
    void act(LocalDate day, String processInstanceId, String message, String username) {
        on(day, () -> {
            identity.setAuthenticatedUserId(username);
            try {
                runtime.createMessageCorrelation(message).processInstanceId(processInstanceId).correlate();
            } finally {
                identity.clearAuthentication();
            }
        });
    }

    /** Sends the mail queued so far on that day, as the outbox's sender would have; failures wait for their retry. */
    void deliverMail(LocalDate day) {
        on(day, outbox::sendDueNow);
    }

    /** Executes the one job of the instance at that activity: a timer, or an asynchronous continuation. */
    void fire(LocalDate day, String processInstanceId, String activityId) {
        on(day, () -> {
            Job job = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
                    .singleResult();
            management.executeJob(job.getId());
        });
    }

    void on(LocalDate day, Runnable step) {
        clock.moveTo(day.atTime(WORKING_HOURS).atZone(clock.zone()).toInstant());
        try {
            step.run();
        } finally {
            clock.reset();
        }
    }
}
