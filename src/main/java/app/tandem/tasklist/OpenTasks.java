package app.tandem.tasklist;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Open tasks of given process instances, for features that list their own work beside the tasklist. */
@Repository
public class OpenTasks {

    private final JdbcClient jdbc;

    OpenTasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The open tasks of one kind ({@code taskKey}) among the given process instances. */
    public List<TaskRecord> inProcesses(Collection<String> processInstanceIds, String taskKey) {
        if (processInstanceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + TaskRecords.OPEN_COLUMNS + " from open_task t "
                        + "where t.process_instance_id in (:ids) and t.task_key = :key")
                .param("ids", processInstanceIds)
                .param("key", taskKey)
                .query(TaskRecords::record)
                .list();
    }
}
