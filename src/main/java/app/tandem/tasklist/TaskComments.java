package app.tandem.tasklist;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Comment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * People's comments on a task, kept in Tandem's table, together with the notes the process wrote
 * on the task in Camunda (reminders), oldest first.
 */
@Repository
public class TaskComments {

    private final JdbcClient jdbc;
    private final TaskService tasks;

    TaskComments(JdbcClient jdbc, TaskService tasks) {
        this.jdbc = jdbc;
        this.tasks = tasks;
    }

    void add(TaskRecord task, String author, Instant at, String body) {
        add(task.taskId(), task.processInstanceId(), author, at, body);
    }

    void add(String taskId, String processInstanceId, String author, Instant at, String body) {
        jdbc.sql("insert into task_comment (task_id, process_instance_id, author, written_at, body) values (?, ?, ?, ?, ?)")
                .params(taskId, processInstanceId, author, Timestamp.from(at), body)
                .update();
    }

    public List<TaskComment> of(TaskRecord task) {
        List<TaskComment> comments = new ArrayList<>(jdbc.sql("select coalesce(m.full_name, c.author) as author, "
                        + "c.written_at, c.body from task_comment c left join staff_member m on m.username = c.author "
                        + "where c.task_id = ? order by c.written_at, c.id")
                .param(task.taskId())
                .query((rs, n) -> new TaskComment(rs.getString("author"), rs.getTimestamp("written_at").toInstant(),
                        rs.getString("body")))
                .list());
        if (task.open()) {
            for (Comment note : tasks.getTaskComments(task.taskId())) {
                comments.add(new TaskComment(null, note.getTime().toInstant(), note.getFullMessage()));
            }
        }
        comments.sort(Comparator.comparing(TaskComment::writtenAt));
        return comments;
    }
}
