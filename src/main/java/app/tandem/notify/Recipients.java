package app.tandem.notify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
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

    /**
     * The people of many tasks, looked up together, by task id: the same as {@link #staff(String)} of each assigned
     * task's assignee and {@link #candidates} of each other task, in the same order.
     *
     * @param schools each task's school by task id (none: everyone in its groups)
     */
    Map<String, List<Recipient>> ofTasks(Collection<Task> all, Map<String, Long> schools) {
        Map<String, List<String>> users = new HashMap<>();
        Map<String, List<String>> groups = new HashMap<>();
        List<String> offered = all.stream().filter(task -> task.getAssignee() == null).map(Task::getId).toList();
        for (int from = 0; from < offered.size(); from += 500) {
            jdbc.sql("select TASK_ID_, USER_ID_, GROUP_ID_ from ACT_RU_IDENTITYLINK where TYPE_ = :type "
                            + "and TASK_ID_ in (:tasks)")
                    .param("type", IdentityLinkType.CANDIDATE)
                    .param("tasks", offered.subList(from, Math.min(offered.size(), from + 500)))
                    .query((rs, row) -> {
                        if (rs.getString(2) != null) {
                            users.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
                        } else if (rs.getString(3) != null) {
                            groups.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(3));
                        }
                        return null;
                    })
                    .list();
        }
        Set<String> usernames = new HashSet<>();
        all.stream().map(Task::getAssignee).filter(Objects::nonNull).forEach(usernames::add);
        users.values().forEach(usernames::addAll);
        // Each task's people in the database's order of usernames, as its own look-ups would return them.
        Map<String, Recipient> staff = new LinkedHashMap<>();
        staff(usernames).forEach(r -> staff.put(r.username(), r));
        Map<String, Integer> rank = new HashMap<>();
        staff.keySet().forEach(username -> rank.put(username, rank.size()));
        Map<Long, List<Member>> members = members(groups.values().stream().flatMap(List::stream).distinct().toList(),
                groups.keySet().stream().map(schools::get).filter(Objects::nonNull).distinct().toList());
        Map<String, List<Recipient>> byTask = new HashMap<>();
        for (Task task : all) {
            if (task.getAssignee() != null) {
                byTask.put(task.getId(), Optional.ofNullable(staff.get(task.getAssignee())).stream().toList());
                continue;
            }
            Map<String, Recipient> found = new LinkedHashMap<>();
            users.getOrDefault(task.getId(), List.of()).stream().filter(staff::containsKey).distinct()
                    .sorted(Comparator.comparing(rank::get))
                    .forEach(username -> found.put(username, staff.get(username)));
            Set<String> inGroups = Set.copyOf(groups.getOrDefault(task.getId(), List.of()));
            Long schoolId = schools.get(task.getId());
            if (!inGroups.isEmpty()) {
                List<Recipient> groupMembers = schoolId == null ? membersOf(inGroups, null)
                        : members.getOrDefault(schoolId, List.of()).stream()
                                .filter(member -> inGroups.contains(member.group())).map(Member::recipient).toList();
                groupMembers.forEach(r -> found.putIfAbsent(r.username(), r));
            }
            byTask.put(task.getId(), List.copyOf(found.values()));
        }
        return byTask;
    }

    private record Member(String group, Recipient recipient) {
    }

    /** Active members of the groups at each school (a row per group they are in), by username. */
    private Map<Long, List<Member>> members(List<String> groups, List<Long> schoolIds) {
        Map<Long, List<Member>> members = new HashMap<>();
        if (groups.isEmpty()) {
            return members;
        }
        for (int from = 0; from < schoolIds.size(); from += 500) {
            jdbc.sql("select ss.school_id, m.GROUP_ID_, s.username, s.full_name, s.email, s.preferred_language "
                            + "from staff_member s join staff_school ss on ss.username = s.username "
                            + "join ACT_ID_MEMBERSHIP m on m.USER_ID_ = s.username where s.active "
                            + "and ss.school_id in (:schools) and m.GROUP_ID_ in (:groups) order by s.username")
                    .param("schools", schoolIds.subList(from, Math.min(schoolIds.size(), from + 500)))
                    .param("groups", groups)
                    .query((rs, row) -> members.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add(new Member(rs.getString(2), recipient(rs, row))))
                    .list();
        }
        return members;
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
