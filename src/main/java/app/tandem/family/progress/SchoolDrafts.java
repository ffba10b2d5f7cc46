package app.tandem.family.progress;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import app.tandem.directory.SessionTargets;
import app.tandem.family.CaregiverProcesses;
import app.tandem.family.Student;
import app.tandem.system.DistrictClock;
import app.tandem.tasklist.OpenTasks;
import app.tandem.tasklist.TaskRecord;

/**
 * A school's progress updates waiting to be drafted in its current term, one tutoring group or all: each with its
 * open draft task and what the data suggests. A page of them costs seven queries, however many rows it shows.
 */
@Service
public class SchoolDrafts {

    public static final int PAGE_SIZE = 100;

    /** @param assignee who claimed the draft task, or null while it is the coordinators' */
    public record DraftRow(long updateId, String taskId, String assignee, Student student, int cycle,
                           Suggestion suggestion) {
    }

    public record DraftsPage(List<DraftRow> rows, List<String> groups, int page, int pages, int total) {
    }

    private record Waiting(long updateId, int cycle, String processInstanceId, Student student) {
    }

    private record Open(Waiting waiting, TaskRecord task) {
    }

    private final JdbcClient jdbc;
    private final OpenTasks tasks;
    private final SessionTargets terms;
    private final DraftSuggestions suggestions;
    private final DistrictClock clock;

    SchoolDrafts(JdbcClient jdbc, OpenTasks tasks, SessionTargets terms, DraftSuggestions suggestions,
                 DistrictClock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.terms = terms;
        this.suggestions = suggestions;
        this.clock = clock;
    }

    /** @param group a tutoring group, or null for the whole school; {@code page} counts from 1 */
    public DraftsPage page(long schoolId, String group, int page) {
        List<Open> waiting = withOpenTask(waiting(schoolId, group, null));
        int pages = Math.max(1, (waiting.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(1, page), pages);
        List<Open> slice = waiting.subList((shown - 1) * PAGE_SIZE, Math.min(waiting.size(), shown * PAGE_SIZE));
        return new DraftsPage(rows(slice), groups(schoolId), shown, pages, waiting.size());
    }

    /** The given updates of the school that still wait for their draft, by update id. */
    public Map<Long, DraftRow> waiting(long schoolId, Collection<Long> updateIds) {
        if (updateIds.isEmpty()) {
            return Map.of();
        }
        return rows(withOpenTask(waiting(schoolId, null, updateIds))).stream()
                .collect(Collectors.toMap(DraftRow::updateId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    private List<Waiting> waiting(long schoolId, String group, Collection<Long> updateIds) {
        Optional<Long> term = terms.atSchoolOn(schoolId, clock.today()).map(SessionTargets.TermTarget::termId);
        if (term.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("select u.id as u_id, u.cycle_no, u.process_instance_id, "
                + "s.id as s_id, s.district_id as s_district_id, s.student_number, s.school_id, "
                + "s.full_name as s_full_name, s.grade_level, s.birth_date, s.tutoring_group, s.sessions_per_week "
                + "from caregiver_update u join student s on s.id = u.student_id "
                + "where u.school_id = :school and u.term_id = :term and u.drafted_at is null "
                + "and u.process_instance_id is not null");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("school", schoolId);
        params.put("term", term.get());
        if (group != null) {
            sql.append(" and s.tutoring_group = :group");
            params.put("group", group);
        }
        if (updateIds != null) {
            sql.append(" and u.id in (:ids)");
            params.put("ids", updateIds);
        }
        sql.append(" order by s.tutoring_group, s.full_name, u.cycle_no");
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Waiting(rs.getLong("u_id"), rs.getInt("cycle_no"),
                        rs.getString("process_instance_id"), new Student(rs.getLong("s_id"),
                        rs.getLong("s_district_id"), rs.getString("student_number"), rs.getLong("school_id"),
                        rs.getString("s_full_name"), rs.getInt("grade_level"),
                        rs.getObject("birth_date", java.time.LocalDate.class), rs.getString("tutoring_group"),
                        rs.getInt("sessions_per_week"))))
                .list();
    }

    /** The waiting updates whose draft task is open, with that task. */
    private List<Open> withOpenTask(List<Waiting> waiting) {
        Map<String, TaskRecord> open = tasks.inProcesses(waiting.stream().map(Waiting::processInstanceId).toList(),
                        CaregiverProcesses.DRAFT_UPDATE).stream()
                .collect(Collectors.toMap(TaskRecord::processInstanceId, Function.identity(), (a, b) -> a));
        return waiting.stream().filter(w -> open.containsKey(w.processInstanceId()))
                .map(w -> new Open(w, open.get(w.processInstanceId()))).toList();
    }

    private List<DraftRow> rows(List<Open> open) {
        Map<Long, Suggestion> suggested = suggestions.forUpdates(open.stream().map(o -> o.waiting().updateId()).toList());
        return open.stream().map(o -> new DraftRow(o.waiting().updateId(), o.task().taskId(), o.task().assignee(),
                o.waiting().student(), o.waiting().cycle(), suggested.get(o.waiting().updateId()))).toList();
    }

    private List<String> groups(long schoolId) {
        return jdbc.sql("select distinct tutoring_group from student where school_id = ? "
                        + "and tutoring_group is not null order by tutoring_group")
                .param(schoolId).query(String.class).list();
    }
}
