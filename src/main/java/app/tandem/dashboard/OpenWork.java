package app.tandem.dashboard;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.IncidentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.tandem.system.DistrictClock;
import app.tandem.system.ProcessVariables;

/**
 * Overdue tasks and open incidents per school, across every process: one grouped query each, never a
 * loop over instances. Incidents come from Camunda's runtime tables (named as the engine names them,
 * prefix included) through the instance's {@code schoolId} variable.
 */
@Repository
class OpenWork {

    private final JdbcClient jdbc;
    private final String variables;
    private final String incidents;
    private final DistrictClock clock;

    OpenWork(JdbcClient jdbc, ManagementService management, DistrictClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.variables = management.getTableName(VariableInstanceEntity.class);
        this.incidents = management.getTableName(IncidentEntity.class);
    }

    /**
     * @return per school id, per candidate group (role), the tasks past their due date now. Read from
     * the tasklist's copy of the open tasks, which carries each task's school and groups, instead of
     * joining the engine's tasks, variables and identity links: at half a million open tasks that
     * join took most of the district dashboard's time.
     */
    Map<Long, Map<String, Integer>> overdueTasksByRole(Scope scope) {
        Map<Long, Map<String, Integer>> bySchool = new HashMap<>();
        if (scope.empty()) {
            return bySchool;
        }
        jdbc.sql("select t.school_id, t.candidate_groups, count(*) as overdue from open_task t "
                        + "where " + scope.where("t.school_id", "t.district_id") + " and t.due_at < :now "
                        + "and t.candidate_groups <> '' group by t.school_id, t.candidate_groups")
                .param("now", Timestamp.from(clock.now()))
                .params(scope.parameters())
                .query(rs -> {
                    Map<String, Integer> roles = bySchool.computeIfAbsent(rs.getLong("school_id"),
                            id -> new TreeMap<>());
                    for (String role : rs.getString("candidate_groups").split(",")) {
                        roles.merge(role, rs.getInt("overdue"), Integer::sum);
                    }
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
                .param("name", ProcessVariables.SCHOOL_ID)
                .params(scope.parameters())
                .query(rs -> {
                    bySchool.put(rs.getLong("school_id"), rs.getInt("open_incidents"));
                });
        return bySchool;
    }

}
