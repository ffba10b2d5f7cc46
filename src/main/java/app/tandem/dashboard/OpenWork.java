package app.tandem.dashboard;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IncidentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.tandem.program.SchoolProgram.Var;

/**
 * Overdue tasks and open incidents per school, across every process whose instance carries the
 * {@code schoolId} variable: one grouped query each over Camunda's runtime tables (named as the engine
 * names them, prefix included), never a loop over instances.
 */
@Repository
class OpenWork {

    private final JdbcClient jdbc;
    private final String tasks;
    private final String candidates;
    private final String variables;
    private final String incidents;

    OpenWork(JdbcClient jdbc, ManagementService management) {
        this.jdbc = jdbc;
        this.tasks = management.getTableName(TaskEntity.class);
        this.candidates = management.getTableName(IdentityLinkEntity.class);
        this.variables = management.getTableName(VariableInstanceEntity.class);
        this.incidents = management.getTableName(IncidentEntity.class);
    }

    /** @return per school id, per candidate group (role), the tasks past their due date now */
    Map<Long, Map<String, Integer>> overdueTasksByRole(Scope scope) {
        Map<Long, Map<String, Integer>> bySchool = new HashMap<>();
        if (scope.empty()) {
            return bySchool;
        }
        jdbc.sql("select v.LONG_ as school_id, c.GROUP_ID_ as role, count(distinct t.ID_) as overdue "
                        + "from " + tasks + " t "
                        + "join " + variables + " v on v.PROC_INST_ID_ = t.PROC_INST_ID_ "
                        + "and v.EXECUTION_ID_ = t.PROC_INST_ID_ and v.NAME_ = :name "
                        + "join " + candidates + " c on c.TASK_ID_ = t.ID_ and c.TYPE_ = 'candidate' "
                        + "and c.GROUP_ID_ is not null "
                        + "where t.DUE_DATE_ < :now and " + scope.where("v.LONG_") + " "
                        + "group by v.LONG_, c.GROUP_ID_")
                .param("name", Var.SCHOOL_ID)
                .param("now", new Timestamp(ClockUtil.getCurrentTime().getTime()))
                .params(scope.parameters())
                .query(rs -> {
                    bySchool.computeIfAbsent(rs.getLong("school_id"), id -> new TreeMap<>())
                            .put(rs.getString("role"), rs.getInt("overdue"));
                });
        return bySchool;
    }

    /** @return per school id, the open incidents (failed jobs, undeliverable messages...) */
    Map<Long, Integer> openIncidents(Scope scope) {
        Map<Long, Integer> bySchool = new HashMap<>();
        if (scope.empty()) {
            return bySchool;
        }
        jdbc.sql("select v.LONG_ as school_id, count(distinct i.ID_) as open_incidents "
                        + "from " + incidents + " i "
                        + "join " + variables + " v on v.PROC_INST_ID_ = i.PROC_INST_ID_ "
                        + "and v.EXECUTION_ID_ = i.PROC_INST_ID_ and v.NAME_ = :name "
                        + "where " + scope.where("v.LONG_") + " group by v.LONG_")
                .param("name", Var.SCHOOL_ID)
                .params(scope.parameters())
                .query(rs -> {
                    bySchool.put(rs.getLong("school_id"), rs.getInt("open_incidents"));
                });
        return bySchool;
    }

}
