package app.tandem.dashboard;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Unclaimed tasks that nobody can take: offered only to groups in which no active person of the task's school
 * is a member (such as a school without a teacher, or before its liaisons are invited). Read from the task
 * list's offers, grouped by school and group.
 */
@Repository
public class UnstaffedWork {

    /** @param tasks how many tasks wait at the school for that group */
    public record Waiting(long schoolId, String schoolName, String group, int tasks) {
    }

    private final JdbcClient jdbc;

    UnstaffedWork(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Waiting> waiting(Scope scope) {
        if (scope.empty()) {
            return List.of();
        }
        return jdbc.sql("select o.school_id, sc.name, o.group_id, count(*) as tasks from open_task_offer o "
                        + "join school sc on sc.id = o.school_id "
                        + "where " + scope.where("o.school_id") + " and not exists ("
                        + "select 1 from open_task_offer other "
                        + "join staff_school ss on ss.school_id = other.school_id "
                        + "join staff_member s on s.username = ss.username and s.active "
                        + "join ACT_ID_MEMBERSHIP m on m.USER_ID_ = s.username and m.GROUP_ID_ = other.group_id "
                        + "where other.task_id = o.task_id) "
                        + "group by o.school_id, sc.name, o.group_id order by sc.name, o.group_id")
                .params(scope.parameters())
                .query((rs, n) -> new Waiting(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
    }
}
