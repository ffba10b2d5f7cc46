package app.tandem.bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Open tasks at district scale, written in batches straight into the engine's task tables and the
 * tasklist's own (the rows the task listener would have written), so the inbox can be measured at
 * 100,000 and 500,000 open tasks without starting half a million process instances first.
 * <p>
 * The mix follows the processes: most tasks are a coordinator's (drafting updates, meetings), then
 * teachers' reviews and liaisons' calls; two in three coordinators' tasks are already taken by
 * the school's coordinator (those are the ones the reminder burst reminds about). Due dates spread from ten days late to a month ahead.
 */
final class BenchTasks {

    private static final int BATCH = 5_000;
    private static final String[][] KINDS = {
            {"caregiver-update", "draftUpdate", "Draft the progress update", "coordinators"},
            {"caregiver-update", "draftUpdate", "Draft the progress update", "coordinators"},
            {"school-program", "holdCheckIn", "Hold the check-in", "coordinators"},
            {"caregiver-update", "reviewUpdate", "Review the progress update", "teachers"},
            {"caregiver-update", "callCaregiver", "Call the caregiver", "liaisons"},
    };

    private final JdbcTemplate jdbc;
    private final long districtId;
    private final List<Long> schoolIds;
    private final Map<Long, String> coordinatorOfSchool;
    private final Map<String, List<String[]>> instancesOfProcess = new HashMap<>();
    private int written;

    BenchTasks(JdbcTemplate jdbc, long districtId, Map<Long, String> coordinatorOfSchool) {
        this.jdbc = jdbc;
        this.districtId = districtId;
        this.schoolIds = jdbc.queryForList("select id from school where district_id = ? order by id", Long.class,
                districtId);
        this.coordinatorOfSchool = coordinatorOfSchool;
        // Each task belongs to a running instance of its process, as the engine's tasks do: the start-up
        // check, the reminder's school look-up and the engine's own queries then treat them as real.
        jdbc.query("select e.id_, e.proc_def_id_, d.key_ from act_ru_execution e join act_re_procdef d "
                + "on d.id_ = e.proc_def_id_ where e.id_ = e.proc_inst_id_", rs -> {
            instancesOfProcess.computeIfAbsent(rs.getString(3), k -> new ArrayList<>())
                    .add(new String[] {rs.getString(1), rs.getString(2)});
        });
    }

    /** Adds tasks until this generator has written {@code total}. */
    void growTo(int total) {
        Instant now = Instant.now();
        while (written < total) {
            int upTo = Math.min(total, written + BATCH);
            List<Object[]> engineTasks = new ArrayList<>();
            List<Object[]> links = new ArrayList<>();
            List<Object[]> openTasks = new ArrayList<>();
            List<Object[]> offers = new ArrayList<>();
            for (int n = written; n < upTo; n++) {
                String id = taskId(n);
                String[] kind = KINDS[n % KINDS.length];
                long schoolId = schoolIds.get(n % schoolIds.size());
                String assignee = n % 3 != 0 && "coordinators".equals(kind[3]) ? coordinatorOfSchool.get(schoolId) : null;
                Timestamp due = Timestamp.from(now.plus(Duration.ofHours((n * 7L) % (40 * 24) - 10 * 24)));
                Timestamp created = Timestamp.from(now.minus(Duration.ofMinutes(n % 10_000)));
                // The burst alone starts school programs only: their instances then stand in for the others.
                List<String[]> instances = instancesOfProcess.getOrDefault(kind[0],
                        instancesOfProcess.get("school-program"));
                String[] instance = instances.get(n % instances.size());
                engineTasks.add(new Object[] {id, instance[0], instance[1], kind[2], kind[1], assignee, created, due});
                links.add(new Object[] {"bench-l-" + n, kind[3], id});
                openTasks.add(new Object[] {id, instance[0], instance[1], kind[0], kind[1], kind[2],
                        schoolId, districtId, kind[3], assignee, due, created});
                if (assignee == null) {
                    offers.add(new Object[] {id, kind[3], schoolId, kind[0], due});
                }
            }
            jdbc.batchUpdate("insert into act_ru_task (id_, rev_, proc_inst_id_, proc_def_id_, name_, task_def_key_, "
                    + "assignee_, priority_, create_time_, due_date_, suspension_state_) "
                    + "values (?, 1, ?, ?, ?, ?, ?, 50, ?, ?, 1)", engineTasks);
            jdbc.batchUpdate("insert into act_ru_identitylink (id_, rev_, group_id_, type_, task_id_) "
                    + "values (?, 1, ?, 'candidate', ?)", links);
            jdbc.batchUpdate("insert into open_task (task_id, process_instance_id, process_definition_id, "
                    + "process_key, task_key, name, school_id, district_id, candidate_groups, assignee, due_at, "
                    + "priority, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 50, ?)", openTasks);
            jdbc.batchUpdate("insert into open_task_offer (task_id, group_id, school_id, process_key, due_at) "
                    + "values (?, ?, ?, ?, ?)", offers);
            written = upTo;
        }
    }

    static String taskId(int n) {
        return "bench-t-" + n;
    }
}
