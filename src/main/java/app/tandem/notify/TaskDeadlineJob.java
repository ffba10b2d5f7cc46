package app.tandem.notify;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What one of a task's deadline jobs does when it is due: remind the people on the task, or tell the school
 * leader, or the district's managers, that it is overdue. A job made for a due date the task no longer has does
 * nothing (its replacements follow the new date).
 */
@Component
class TaskDeadlineJob {

    static final String TYPE = "task-deadline";

    enum Stage {
        REMIND, SCHOOL_LEADER, MANAGERS
    }

    /** Which stage, for which task, made for which due date: {@code REMIND|taskId|dueMillis}. */
    record Config(Stage stage, String taskId, long dueMillis) implements JobHandlerConfiguration {

        static Config parse(String text) {
            String[] parts = text.split("\\|");
            return new Config(Stage.valueOf(parts[0]), parts[1], Long.parseLong(parts[2]));
        }

        @Override
        public String toCanonicalString() {
            return stage + "|" + taskId + "|" + dueMillis;
        }
    }

    private final TaskReminders reminders;

    TaskDeadlineJob(TaskReminders reminders) {
        this.reminders = reminders;
    }

    void run(Config config, CommandContext context) {
        TaskEntity task = context.getTaskManager().findTaskById(config.taskId());
        if (task == null || task.getDueDate() == null || task.getDueDate().getTime() != config.dueMillis()) {
            return;
        }
        switch (config.stage()) {
            case REMIND -> {
                reminders.markReminded(task);
                reminders.remind(task);
            }
            case SCHOOL_LEADER -> reminders.escalateToSchoolLeaders(task);
            case MANAGERS -> reminders.escalate(task);
        }
    }

    /** The engine's side: registered by {@link TaskDeadlines}, hands the work to the Spring bean. */
    static final class Handler implements JobHandler<Config> {

        private final ObjectProvider<TaskDeadlineJob> job;

        Handler(ObjectProvider<TaskDeadlineJob> job) {
            this.job = job;
        }

        @Override
        public String getType() {
            return TYPE;
        }

        @Override
        public void execute(Config configuration, ExecutionEntity execution, CommandContext commandContext,
                            String tenantId) {
            job.getObject().run(configuration, commandContext);
        }

        @Override
        public Config newConfiguration(String canonicalString) {
            return Config.parse(canonicalString);
        }

        @Override
        public void onDelete(Config configuration, JobEntity jobEntity) {
            // nothing kept beside the job
        }
    }
}
