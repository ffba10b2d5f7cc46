package app.tandem.notify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.tandem.directory.Role;

/**
 * Who a task's mail goes to: its assignee, or its candidate users and the members of its candidate
 * groups who work at the task's school (everyone in the group when the task has no school).
 */
@Component
class Recipients {

    private static final String STAFF = "select s.username, s.full_name, s.email, s.preferred_language "
            + "from staff_member s ";

    private final JdbcClient jdbc;
    private final TaskService tasks;

    Recipients(JdbcClient jdbc, TaskService tasks) {
        this.jdbc = jdbc;
        this.tasks = tasks;
    }

    Optional<Recipient> staff(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return jdbc.sql(STAFF + "where s.username = ?").param(username).query(this::recipient).optional();
    }

    List<Recipient> staff(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(STAFF + "where s.username in (:names) order by s.username")
                .param("names", usernames)
                .query(this::recipient)
                .list();
    }

    /** The people a task is offered to (not assigned yet). */
    List<Recipient> candidates(String taskId, Long schoolId) {
        List<String> users = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (IdentityLink link : tasks.getIdentityLinksForTask(taskId)) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                if (link.getUserId() != null) {
                    users.add(link.getUserId());
                } else if (link.getGroupId() != null) {
                    groups.add(link.getGroupId());
                }
            }
        }
        Map<String, Recipient> found = new LinkedHashMap<>();
        staff(users).forEach(r -> found.put(r.username(), r));
        membersOf(groups, schoolId).forEach(r -> found.putIfAbsent(r.username(), r));
        return List.copyOf(found.values());
    }

    List<Recipient> membersOf(Collection<String> groups, Long schoolId) {
        if (groups.isEmpty()) {
            return List.of();
        }
        if (schoolId == null) {
            return jdbc.sql(STAFF + "where s.active and exists (select 1 from ACT_ID_MEMBERSHIP m "
                            + "where m.USER_ID_ = s.username and m.GROUP_ID_ in (:groups)) order by s.username")
                    .param("groups", groups)
                    .query(this::recipient)
                    .list();
        }
        return jdbc.sql(STAFF + "join staff_school ss on ss.username = s.username where ss.school_id = :school "
                        + "and s.active and exists (select 1 from ACT_ID_MEMBERSHIP m where m.USER_ID_ = s.username "
                        + "and m.GROUP_ID_ in (:groups)) order by s.username")
                .param("school", schoolId)
                .param("groups", groups)
                .query(this::recipient)
                .list();
    }

    /** Program managers look after the whole district of the school. */
    List<Recipient> managersOfSchool(long schoolId) {
        return jdbc.sql(STAFF + "join school sc on sc.district_id = s.district_id where sc.id = ? "
                        + "and exists (select 1 from ACT_ID_MEMBERSHIP m where m.USER_ID_ = s.username "
                        + "and m.GROUP_ID_ = ?) order by s.username")
                .params(schoolId, Role.MANAGER.groupId())
                .query(this::recipient)
                .list();
    }

    Optional<String> schoolName(Long schoolId) {
        if (schoolId == null) {
            return Optional.empty();
        }
        return jdbc.sql("select name from school where id = ?").param(schoolId).query(String.class).optional();
    }

    private Recipient recipient(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Recipient(rs.getString("username"), rs.getString("full_name"), rs.getString("email"),
                rs.getString("preferred_language"));
    }
}
