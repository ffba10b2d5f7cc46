package app.tandem.tasklist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One task from the read model, open or completed. */
@Repository
class TaskRecords {

    static final String OPEN_COLUMNS = "t.task_id, t.process_instance_id, t.process_definition_id, t.process_key, "
            + "t.task_key, t.name, t.school_id, t.district_id, t.candidate_groups, t.assignee, t.due_at, "
            + "t.follow_up_at, t.created_at, null as completed_by, null as completed_at";
    static final String COMPLETED_COLUMNS = "t.task_id, t.process_instance_id, t.process_definition_id, "
            + "t.process_key, t.task_key, t.name, t.school_id, t.district_id, t.candidate_groups, "
            + "t.completed_by as assignee, t.due_at, null as follow_up_at, null as created_at, t.completed_by, "
            + "t.completed_at";

    private final JdbcClient jdbc;

    TaskRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<TaskRecord> open(String taskId) {
        return jdbc.sql("select " + OPEN_COLUMNS + " from open_task t where t.task_id = ?")
                .param(taskId)
                .query(TaskRecords::record)
                .optional();
    }

    Optional<TaskRecord> completed(String taskId) {
        return jdbc.sql("select " + COMPLETED_COLUMNS + " from completed_task t where t.task_id = ?")
                .param(taskId)
                .query(TaskRecords::record)
                .optional();
    }

    static TaskRecord record(ResultSet rs, int row) throws SQLException {
        String groups = rs.getString("candidate_groups");
        return new TaskRecord(rs.getString("task_id"), rs.getString("process_instance_id"),
                rs.getString("process_definition_id"), rs.getString("process_key"), rs.getString("task_key"),
                rs.getString("name"), rs.getObject("school_id", Long.class), rs.getObject("district_id", Long.class),
                groups == null || groups.isEmpty() ? List.of() : Arrays.asList(groups.split(",")),
                rs.getString("assignee"), instant(rs, "due_at"), instant(rs, "follow_up_at"),
                instant(rs, "created_at"), rs.getString("completed_by"), instant(rs, "completed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
