package app.tandem.tasklist;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.tandem.system.ProcessVariables;

/**
 * On start, rebuilds the read model when it does not hold as many open tasks as the engine: a
 * database from before the tasklist existed, or one restored from a backup of Camunda alone.
 * Runs before the demo data is seeded.
 */
@Component
@Order(5)
class OpenTaskRebuild implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OpenTaskRebuild.class);
    private static final int PAGE = 500;

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final ManagementService management;
    private final OpenTaskProjection projection;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    OpenTaskRebuild(TaskService tasks, RuntimeService runtime, RepositoryService repository,
                    ManagementService management, OpenTaskProjection projection, JdbcClient jdbc,
                    TransactionTemplate transaction) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.repository = repository;
        this.management = management;
        this.projection = projection;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        long engine = tasks.createNativeTaskQuery()
                .sql("select count(*) from " + management.getTableName(Task.class) + " where PROC_INST_ID_ is not null")
                .count();
        long ours = jdbc.sql("select count(*) from open_task").query(Long.class).single();
        if (engine != ours) {
            log.info("The tasklist holds {} open tasks and the engine {}: rebuilding the tasklist.", ours, engine);
            transaction.executeWithoutResult(status -> rebuild());
        }
    }

    void rebuild() {
        jdbc.sql("delete from open_task_offer").update();
        jdbc.sql("delete from open_task").update();
        Map<String, String> keys = new HashMap<>();
        int first = 0;
        List<Task> page;
        do {
            page = tasks.createTaskQuery().orderByTaskCreateTime().asc().orderByTaskId().asc().listPage(first, PAGE);
            List<Task> processTasks = page.stream().filter(task -> task.getProcessInstanceId() != null).toList();
            Map<String, Long> schools = idsOf(processTasks, ProcessVariables.SCHOOL_ID);
            Map<String, Long> districts = idsOf(processTasks, ProcessVariables.DISTRICT_ID);
            for (Task task : processTasks) {
                String key = keys.computeIfAbsent(task.getProcessDefinitionId(),
                        id -> repository.getProcessDefinition(id).getKey());
                List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
                        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                        .map(IdentityLink::getGroupId)
                        .filter(Objects::nonNull)
                        .distinct()
                        .sorted()
                        .toList();
                projection.insert(new OpenTaskProjection.Snapshot(task.getId(), task.getProcessInstanceId(),
                        task.getProcessDefinitionId(), key, task.getTaskDefinitionKey(), task.getName(),
                        schools.get(task.getProcessInstanceId()), schools.containsKey(task.getProcessInstanceId())
                        ? null : districts.get(task.getProcessInstanceId()), groups, task.getAssignee(), task.getDueDate(),
                        task.getFollowUpDate(), task.getPriority(), task.getCreateTime()));
            }
            first += PAGE;
        } while (page.size() == PAGE);
    }

    private Map<String, Long> idsOf(List<Task> page, String name) {
        Map<String, Long> schools = new HashMap<>();
        if (page.isEmpty()) {
            return schools;
        }
        String[] instances = page.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new);
        for (VariableInstance variable : runtime.createVariableInstanceQuery()
                .variableName(name).processInstanceIdIn(instances).list()) {
            if (variable.getValue() instanceof Number number
                    && variable.getExecutionId().equals(variable.getProcessInstanceId())) {
                schools.put(variable.getProcessInstanceId(), number.longValue());
            }
        }
        return schools;
    }
}
