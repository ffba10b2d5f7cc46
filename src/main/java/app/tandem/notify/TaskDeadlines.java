package app.tandem.notify;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.TimerExecuteNestedActivityJobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityStartBehavior;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import app.tandem.directory.DistrictSetting;
import app.tandem.directory.DistrictSettings;
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.notify.TaskDeadlineJob.Stage;
import app.tandem.system.DistrictClock;
import app.tandem.system.ProcessVariables;
import app.tandem.system.EveryUserTask;

/**
 * The one way a task with a due date is reminded and escalated: every user task of every model that has a due
 * date and a school gets three timer jobs of its own, driven by its due date and the district's lead times:
 * a reminder before the due day, then the school leader, then the district's managers. The jobs hang on the
 * task's execution and activity (Cockpit shows them on the task), are made again whenever the due date moves,
 * and go with the task when it is completed or cancelled. Built in, like the task list's read model, so every
 * model has it without repeating a boundary timer on each task.
 */
@Component
class TaskDeadlines extends AbstractProcessEnginePlugin {

    private static final List<String> EVENTS = List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_UPDATE,
            TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE);

    private final ObjectProvider<Schools> schools;
    private final ObjectProvider<DistrictSettings> settings;
    private final ObjectProvider<DistrictClock> clock;
    private final ObjectProvider<TaskDeadlineJob> job;

    TaskDeadlines(ObjectProvider<Schools> schools, ObjectProvider<DistrictSettings> settings,
                  ObjectProvider<DistrictClock> clock, ObjectProvider<TaskDeadlineJob> job) {
        this.schools = schools;
        this.settings = settings;
        this.clock = clock;
        this.job = job;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EveryUserTask.listen(configuration, EVENTS, this::on);
        List<JobHandler> handlers = configuration.getCustomJobHandlers();
        if (handlers == null) {
            handlers = new ArrayList<>();
            configuration.setCustomJobHandlers(handlers);
        }
        handlers.add(new TaskDeadlineJob.Handler(job));
    }

    void on(DelegateTask task) {
        switch (task.getEventName()) {
            case TaskListener.EVENTNAME_CREATE -> time(task);
            case TaskListener.EVENTNAME_UPDATE -> {
                if (!timedFor(task).equals(dueMillis(task))) {
                    cancel(task);
                    time(task);
                }
            }
            default -> cancel(task);
        }
    }

    private void time(DelegateTask task) {
        Date due = task.getDueDate();
        if (due == null || task.getExecution() == null) {
            return;
        }
        // From the execution, whose variables are in memory: asking the task would look for task variables in the
        // database first, a query for each task made (a third of this listener's time at a bulk start).
        Long schoolId = task.getExecution().getVariable(ProcessVariables.SCHOOL_ID) instanceof Number n
                ? n.longValue() : null;
        if (schoolId == null) {
            return;
        }
        Long district = schools.getObject().byId(schoolId).map(School::districtId).orElse(null);
        // The three lead times in one read of the district's settings, not one each.
        DistrictSettings.Chosen lead = settings.getObject().of(district);
        DistrictClock days = clock.getObject();
        LocalDate dueDay = days.dayOf(due);
        LocalDate leaderDay = dueDay.plus(lead.period(DistrictSetting.OVERDUE_ESCALATION_AFTER));
        Date remindAt = days.startOf(dueDay.minus(lead.period(DistrictSetting.REMINDER_LEAD)));
        if (remindAt.toInstant().isAfter(days.now())) {
            schedule(task, Stage.REMIND, remindAt);
        }
        Date leaderAt = days.endOf(leaderDay);
        Date managersAt = days.endOf(leaderDay.plus(lead.period(DistrictSetting.MANAGER_ESCALATION_AFTER)));
        Date takenAway = takenAwayAt(task);
        if (takenAway != null && !managersAt.before(takenAway)) {
            // Such as a check-in, whose window closes the night after its due day: late is then too late,
            // so its people above hear on the morning of the last day, while it can still be done.
            Date lastMorning = days.startOf(dueDay);
            leaderAt = leaderAt.before(takenAway) ? leaderAt : lastMorning;
            managersAt = lastMorning;
        }
        schedule(task, Stage.SCHOOL_LEADER, leaderAt);
        schedule(task, Stage.MANAGERS, managersAt);
    }

    /** When an interrupting timer on the task's own activity will take the task away, if one will. */
    private static Date takenAwayAt(DelegateTask task) {
        ExecutionEntity execution = (ExecutionEntity) task.getExecution();
        Date earliest = null;
        // The execution's own list: it holds the timers made in this command too, not yet in the database.
        for (JobEntity timer : execution.getJobs()) {
            if (!TimerExecuteNestedActivityJobHandler.TYPE.equals(timer.getJobHandlerType())) {
                continue;
            }
            ActivityImpl boundary = execution.getProcessDefinition().findActivity(timer.getActivityId());
            if (boundary != null && boundary.getActivityStartBehavior() == ActivityStartBehavior.CANCEL_EVENT_SCOPE
                    && boundary.getEventScope() != null
                    && task.getTaskDefinitionKey().equals(boundary.getEventScope().getId())
                    && (earliest == null || timer.getDuedate().before(earliest))) {
                earliest = timer.getDuedate();
            }
        }
        return earliest;
    }

    private static void schedule(DelegateTask task, Stage stage, Date at) {
        ExecutionEntity execution = (ExecutionEntity) task.getExecution();
        TimerEntity timer = new TimerEntity();
        timer.setJobHandlerType(TaskDeadlineJob.TYPE);
        timer.setJobHandlerConfigurationRaw(new TaskDeadlineJob.Config(stage, task.getId(),
                task.getDueDate().getTime()).toCanonicalString());
        timer.setDuedate(at);
        timer.setExecution(execution);
        timer.setProcessDefinitionId(execution.getProcessDefinitionId());
        timer.setProcessDefinitionKey(execution.getProcessDefinition().getKey());
        timer.setActivityId(task.getTaskDefinitionKey());
        timer.setTenantId(execution.getTenantId());
        Context.getCommandContext().getJobManager().schedule(timer);
    }

    private static void cancel(DelegateTask task) {
        if (task.getExecution() == null) {
            return;
        }
        for (JobEntity job : List.copyOf(((ExecutionEntity) task.getExecution()).getJobs())) {
            if (TaskDeadlineJob.TYPE.equals(job.getJobHandlerType())
                    && TaskDeadlineJob.Config.parse(job.getJobHandlerConfigurationRaw()).taskId().equals(task.getId())) {
                job.delete();
            }
        }
    }

    /** The due date the task's jobs were made for, as each job's configuration says; 0 when it has none. */
    private static Long timedFor(DelegateTask task) {
        if (task.getExecution() == null) {
            return 0L;
        }
        for (JobEntity job : ((ExecutionEntity) task.getExecution()).getJobs()) {
            if (TaskDeadlineJob.TYPE.equals(job.getJobHandlerType())) {
                TaskDeadlineJob.Config config = TaskDeadlineJob.Config.parse(job.getJobHandlerConfigurationRaw());
                if (config.taskId().equals(task.getId())) {
                    return config.dueMillis();
                }
            }
        }
        return 0L;
    }

    private static Long dueMillis(DelegateTask task) {
        return task.getDueDate() == null ? 0L : task.getDueDate().getTime();
    }
}
