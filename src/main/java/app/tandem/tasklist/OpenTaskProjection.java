package app.tandem.tasklist;

import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.tandem.forms.CompletedBy;
import app.tandem.system.DistrictClock;
import app.tandem.system.ProcessVariables;

/**
 * Keeps {@code open_task}, {@code open_task_offer} and {@code completed_task} in step with the
 * engine. It runs as a built-in task listener inside the engine's command, so the rows change in
 * the same transaction as the task and a rolled-back completion leaves them as they were.
 */
@Component
class OpenTaskProjection {


    private final JdbcClient jdbc;
    private final DistrictClock clock;

    OpenTaskProjection(JdbcClient jdbc, DistrictClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void on(DelegateTask task) {
        switch (task.getEventName()) {
            case TaskListener.EVENTNAME_CREATE -> insert(snapshot(task, schoolOf(task)));
            case TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_UPDATE -> update(task);
            case TaskListener.EVENTNAME_COMPLETE -> complete(task);
            case TaskListener.EVENTNAME_DELETE -> delete(task.getId());
            default -> {
                // timeouts change nothing the tasklist shows
            }
        }
    }

    /** Writes one task as it stands; used by the listener and by the rebuild. */
    void insert(Snapshot task) {
        jdbc.sql("insert into open_task (task_id, process_instance_id, process_definition_id, process_key, task_key, "
                        + "name, school_id, district_id, candidate_groups, assignee, due_at, follow_up_at, priority, "
                        + "created_at) values (:id, :pi, :pd, :key, :taskKey, :name, :school, "
                        + "coalesce((select district_id from school where id = :school), :district), :groups, :assignee, :due, :followUp, "
                        + ":priority, :created)")
                .param("id", task.taskId())
                .param("pi", task.processInstanceId())
                .param("pd", task.processDefinitionId())
                .param("key", task.processKey())
                .param("taskKey", task.taskKey())
                .param("name", task.name())
                .param("school", task.schoolId())
                .param("district", task.districtId())
                .param("groups", String.join(",", task.groups()))
                .param("assignee", task.assignee())
                .param("due", timestamp(task.dueAt()))
                .param("followUp", timestamp(task.followUpAt()))
                .param("priority", task.priority())
                .param("created", timestamp(task.createdAt()))
                .update();
        offer(task);
    }

    private void update(DelegateTask task) {
        List<Long> schools = jdbc.sql("select school_id from open_task where task_id = ?")
                .param(task.getId())
                .query((rs, n) -> rs.getObject("school_id", Long.class))
                .list();
        if (schools.isEmpty()) {
            insert(snapshot(task, schoolOf(task)));
            return;
        }
        Long schoolId = schools.get(0);
        Snapshot snapshot = snapshot(task, schoolId);
        jdbc.sql("update open_task set name = ?, candidate_groups = ?, assignee = ?, due_at = ?, follow_up_at = ?, "
                        + "priority = ? where task_id = ?")
                .params(snapshot.name(), String.join(",", snapshot.groups()), snapshot.assignee(),
                        timestamp(snapshot.dueAt()), timestamp(snapshot.followUpAt()), snapshot.priority(),
                        snapshot.taskId())
                .update();
        jdbc.sql("delete from open_task_offer where task_id = ?").param(task.getId()).update();
        offer(snapshot);
    }

    private void complete(DelegateTask task) {
        Snapshot snapshot = snapshot(task, schoolOf(task));
        jdbc.sql("insert into completed_task (task_id, process_instance_id, process_definition_id, process_key, "
                        + "task_key, name, school_id, district_id, candidate_groups, due_at, completed_by, "
                        + "completed_at) values (:id, :pi, :pd, :key, :taskKey, :name, :school, "
                        + "coalesce((select district_id from school where id = :school), :district), :groups, :due, :by, "
                        + ":at)")
                .param("id", snapshot.taskId())
                .param("pi", snapshot.processInstanceId())
                .param("pd", snapshot.processDefinitionId())
                .param("key", snapshot.processKey())
                .param("taskKey", snapshot.taskKey())
                .param("name", snapshot.name())
                .param("school", snapshot.schoolId())
                .param("district", snapshot.districtId())
                .param("groups", String.join(",", snapshot.groups()))
                .param("due", timestamp(snapshot.dueAt()))
                .param("by", CompletedBy.of(task))
                .param("at", Timestamp.from(clock.now()))
                .update();
        delete(task.getId());
    }

    void delete(String taskId) {
        jdbc.sql("delete from open_task_offer where task_id = ?").param(taskId).update();
        jdbc.sql("delete from open_task where task_id = ?").param(taskId).update();
    }

    /** A task of a school is offered at the school; one of no school, to the group across its district. */
    private void offer(Snapshot task) {
        if (task.assignee() != null || (task.schoolId() == null && task.districtId() == null)) {
            return;
        }
        for (String group : task.groups()) {
            jdbc.sql("insert into open_task_offer (task_id, group_id, school_id, district_id, process_key, due_at) "
                            + "values (?, ?, ?, ?, ?, ?)")
                    .params(task.taskId(), group, task.schoolId(), task.schoolId() == null ? task.districtId() : null,
                            task.processKey(), timestamp(task.dueAt()))
                    .update();
        }
    }

    private static Snapshot snapshot(DelegateTask task, Long schoolId) {
        List<String> groups = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .toList();
        String processKey = task.getExecution() instanceof ExecutionEntity execution
                ? execution.getProcessDefinition().getKey()
                : task.getProcessEngineServices().getRepositoryService()
                        .getProcessDefinition(task.getProcessDefinitionId()).getKey();
        return new Snapshot(task.getId(), task.getProcessInstanceId(), task.getProcessDefinitionId(), processKey,
                task.getTaskDefinitionKey(), task.getName(), schoolId,
                schoolId == null ? idOf(task, ProcessVariables.DISTRICT_ID) : null, groups, task.getAssignee(), task.getDueDate(),
                task.getFollowUpDate(), task.getPriority(), task.getCreateTime());
    }

    private static Long schoolOf(DelegateTask task) {
        return idOf(task, ProcessVariables.SCHOOL_ID);
    }

    /**
     * From the task's execution when it has one: its variables are in memory, where the task would first look for
     * task variables in the database, a query for each task made.
     */
    private static Long idOf(DelegateTask task, String variable) {
        VariableScope scope = task.getExecution() != null ? task.getExecution() : task;
        return scope.getVariable(variable) instanceof Number number ? number.longValue() : null;
    }

    private static Timestamp timestamp(Date date) {
        return date == null ? null : new Timestamp(date.getTime());
    }

    record Snapshot(String taskId, String processInstanceId, String processDefinitionId, String processKey,
                    String taskKey, String name, Long schoolId, Long districtId, List<String> groups, String assignee, Date dueAt,
                    Date followUpAt, int priority, Date createdAt) {
    }
}
