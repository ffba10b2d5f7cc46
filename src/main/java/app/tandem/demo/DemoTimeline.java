package app.tandem.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import app.tandem.program.ProgramCalendar;

/**
 * Plays a school's past on the engine: completes tasks and fires timers on the days they happened,
 * so a demo program stands where its dates say, with history to match. Only safe while the job
 * executor is paused, because it moves the engine's clock.
 */
@Component
class DemoTimeline {

    private static final LocalTime WORKING_HOURS = LocalTime.of(10, 0);

    private final TaskService tasks;
    private final ManagementService management;
    private final IdentityService identity;
    private final ProgramCalendar calendar;

    DemoTimeline(TaskService tasks, ManagementService management, IdentityService identity,
                 ProgramCalendar calendar) {
        this.tasks = tasks;
        this.management = management;
        this.identity = identity;
        this.calendar = calendar;
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

    void fire(LocalDate day, String processInstanceId, String timerActivityId) {
        on(day, () -> {
            Job job = management.createJobQuery().processInstanceId(processInstanceId).activityId(timerActivityId)
                    .singleResult();
            management.executeJob(job.getId());
        });
    }

    void on(LocalDate day, Runnable step) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(WORKING_HOURS).atZone(calendar.zone()).toInstant()));
        try {
            step.run();
        } finally {
            ClockUtil.reset();
        }
    }
}
