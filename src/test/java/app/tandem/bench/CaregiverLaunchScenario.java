package app.tandem.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import app.tandem.family.CaregiverProcesses;
import app.tandem.family.CaregiverUpdateStarts;

/**
 * Scenario 1, second model: a week's progress updates for many schools started through Tandem's own service
 * (the one the school program's weekly timer calls), a batch of students per transaction, against the bare engine
 * starting the same number of caregiver-update instances one per transaction, with the same variables and their
 * update rows written before its clock starts. Each run takes fresh schools, so both sides start one update per
 * student. Size: {@code -Dbench.updates=25000} (target: 25,000 in under 15 s, five times the bare engine's rate).
 */
final class CaregiverLaunchScenario {

    /** Week 4 of the term: every student's first four-weekly update falls due. */
    private static final int WEEK = 4;
    private static final int WARMUP_SCHOOLS = 4;
    static final int UPDATES = Integer.getInteger("bench.updates", 25_000);
    private static final int TARGET_UPDATES = 25_000;

    private CaregiverLaunchScenario() {
    }

    static void run(ConfigurableApplicationContext app, String database, long districtId, int runs,
                    BenchReport report) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        CaregiverUpdateStarts starts = app.getBean(CaregiverUpdateStarts.class);
        RuntimeService runtime = app.getBean(RuntimeService.class);
        // Terms of schools from the end of the list, with their number of students.
        List<long[]> terms = jdbc.query("select t.school_id, t.id, (select count(*) from student st where "
                + "st.school_id = t.school_id) from school_term t join school s on s.id = t.school_id "
                + "where s.district_id = ? order by t.id desc",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}, districtId);
        int[] next = {0};
        starts.startDue(weeks(terms, next, WARMUP_SCHOOLS * 50L), done -> { });
        prepared(jdbc, take(terms, next, WARMUP_SCHOOLS * 50L)).forEach(start -> start.by(runtime));
        Sample tandem = new Sample();
        Sample engine = new Sample();
        Sample tandemSeconds = new Sample();
        Sample tandemCpu = new Sample();
        Sample engineCpu = new Sample();
        int count = 0;
        for (int run = 0; run < runs; run++) {
            List<CaregiverUpdateStarts.TermWeek> tandemWeeks = weeks(terms, next, UPDATES);
            // The bare engine gets its update rows and variables before the clock starts.
            List<Start> prepared = prepared(jdbc, take(terms, next, UPDATES));
            int[] started = {0};
            Runnable tandemRun = () -> {
                Timing timing = Timing.of(() -> started[0] = (int) starts.startDue(tandemWeeks, done -> { }).stream()
                        .filter(r -> r.outcome() == CaregiverUpdateStarts.Outcome.STARTED).count());
                tandemSeconds.add(timing.seconds());
                tandem.add(started[0] / timing.seconds());
                tandemCpu.add(timing.cpuMillis() / started[0]);
            };
            Runnable bareRun = () -> {
                Timing timing = Timing.of(() -> prepared.forEach(start -> start.by(runtime)));
                engine.add(prepared.size() / timing.seconds());
                engineCpu.add(timing.cpuMillis() / prepared.size());
            };
            if (run % 2 == 0) {
                tandemRun.run();
                bareRun.run();
            } else {
                bareRun.run();
                tandemRun.run();
            }
            count = started[0];
        }
        double ratio = tandem.median() / engine.median();
        boolean full = count >= TARGET_UPDATES;
        report.add(new Result("1. Launch", database, String.format(Locale.ROOT,
                "%,d caregiver updates started (Tandem, batched), time to finish", count), "s", tandemSeconds.median(),
                tandemSeconds.min(), tandemSeconds.max(), runs, String.format(Locale.ROOT, "bare engine %.0f/s, "
                        + "Tandem %.0f/s", engine.median(), tandem.median()), ratio,
                full ? "< 15 s; rate ≥ 5 × bare" : "(25,000 updates for the target)",
                full ? tandemSeconds.median() < 15 && ratio >= 5 : null));
        report.add(new Result("1. Launch", database, "caregiver updates started per second (bare engine, one per "
                + "transaction)", "/s", engine.median(), engine.min(), engine.max(), runs, null, null, "", null));
        report.add(new Result("1. Launch", database, "CPU per caregiver update started (Tandem, batched)", "ms",
                tandemCpu.median(), tandemCpu.min(), tandemCpu.max(), runs, String.format(Locale.ROOT,
                "bare engine %.2f ms", engineCpu.median()), tandemCpu.median() / engineCpu.median(), "", null));
    }

    /** The next schools' terms, until they hold at least {@code students} students. */
    private static List<long[]> take(List<long[]> terms, int[] next, long students) {
        List<long[]> taken = new ArrayList<>();
        long sum = 0;
        while (sum < students && next[0] < terms.size()) {
            long[] term = terms.get(next[0]++);
            taken.add(term);
            sum += term[2];
        }
        return taken;
    }

    private static List<CaregiverUpdateStarts.TermWeek> weeks(List<long[]> terms, int[] next, long students) {
        return take(terms, next, students).stream()
                .map(term -> new CaregiverUpdateStarts.TermWeek(term[0], term[1], WEEK))
                .toList();
    }

    /** One update row per student of the term's school, as Tandem would write it, and its variables. */
    private record Start(String businessKey, VariableMap variables) {
        void by(RuntimeService runtime) {
            runtime.startProcessInstanceByKey(CaregiverProcesses.UPDATE_PROCESS_KEY, businessKey, variables);
        }
    }

    private static List<Start> prepared(JdbcTemplate jdbc, List<long[]> terms) {
        List<Start> starts = new ArrayList<>();
        for (long[] term : terms) {
            long schoolId = term[0];
            long termId = term[1];
            jdbc.update("insert into caregiver_update (school_id, term_id, student_id, cycle_no, created_at) "
                    + "select school_id, ?, id, 1, ? from student where school_id = ?", termId,
                    Timestamp.from(Instant.now()), schoolId);
            starts.addAll(jdbc.query("select id, student_id from caregiver_update where term_id = ? and cycle_no = 1",
                    (rs, n) -> new Start(CaregiverProcesses.updateBusinessKey(rs.getLong(2), termId, 1),
                            CaregiverUpdateStarts.variables(schoolId, termId, rs.getLong(2), 1, rs.getLong(1))),
                    termId));
        }
        return starts;
    }
}
