package app.tandem.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import app.tandem.family.CaregiverProcesses;
import app.tandem.family.CaregiverUpdateStarts;

/**
 * Scenario 1, second model: a week's progress updates started through Tandem's own service (the one
 * the school program's weekly timer calls) against the bare engine starting caregiver-update with
 * the same variables. Each run takes fresh schools, so both sides start one update per student.
 */
final class CaregiverLaunchScenario {

    /** Week 4 of the term: every student's first four-weekly update falls due. */
    private static final int WEEK = 4;
    private static final int SCHOOLS_PER_RUN = 6;
    private static final int WARMUP_SCHOOLS = 2;

    private CaregiverLaunchScenario() {
    }

    static void run(ConfigurableApplicationContext app, String database, long districtId, int runs,
                    BenchReport report) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        CaregiverUpdateStarts starts = app.getBean(CaregiverUpdateStarts.class);
        RuntimeService runtime = app.getBean(RuntimeService.class);
        // Terms of schools from the end of the list: the school-program launch took those at the front.
        List<long[]> terms = jdbc.query("select t.school_id, t.id from school_term t join school s on s.id = t.school_id "
                + "where s.district_id = ? order by t.id desc", (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)},
                districtId);
        int next = 0;
        for (int i = 0; i < WARMUP_SCHOOLS; i++) {
            long[] tandemTerm = terms.get(next++);
            starts.startDue(tandemTerm[0], tandemTerm[1], WEEK);
            long[] bareTerm = terms.get(next++);
            prepared(jdbc, bareTerm).forEach(start -> start.by(runtime));
        }
        Sample tandem = new Sample();
        Sample engine = new Sample();
        for (int run = 0; run < runs; run++) {
            List<long[]> tandemTerms = terms.subList(next, next + SCHOOLS_PER_RUN);
            next += SCHOOLS_PER_RUN;
            List<long[]> bareTerms = terms.subList(next, next + SCHOOLS_PER_RUN);
            next += SCHOOLS_PER_RUN;
            // The bare engine gets its update rows and variables before the clock starts.
            List<Start> prepared = new ArrayList<>();
            bareTerms.forEach(term -> prepared.addAll(prepared(jdbc, term)));
            Runnable tandemRun = () -> {
                int started = 0;
                long t0 = System.nanoTime();
                for (long[] term : tandemTerms) {
                    started += starts.startDue(term[0], term[1], WEEK);
                }
                tandem.add(started / ((System.nanoTime() - t0) / 1e9));
            };
            Runnable bareRun = () -> {
                long t0 = System.nanoTime();
                prepared.forEach(start -> start.by(runtime));
                engine.add(prepared.size() / ((System.nanoTime() - t0) / 1e9));
            };
            if (run % 2 == 0) {
                tandemRun.run();
                bareRun.run();
            } else {
                bareRun.run();
                tandemRun.run();
            }
        }
        double ratio = tandem.median() / engine.median();
        report.add(new Result("1. Launch", database, "caregiver updates started per second (Tandem)", "/s",
                tandem.median(), tandem.min(), tandem.max(), runs, "bare engine " + Math.round(engine.median()) + "/s",
                ratio, "ratio ≥ 0.7", ratio >= 0.7));
        report.add(new Result("1. Launch", database, "caregiver updates started per second (bare engine)", "/s",
                engine.median(), engine.min(), engine.max(), runs, null, null, "", null));
    }

    /** One update row per student of the term's school, as Tandem would write it, and its variables. */
    private record Start(String businessKey, VariableMap variables) {
        void by(RuntimeService runtime) {
            runtime.startProcessInstanceByKey(CaregiverProcesses.UPDATE_PROCESS_KEY, businessKey, variables);
        }
    }

    private static List<Start> prepared(JdbcTemplate jdbc, long[] term) {
        long schoolId = term[0];
        long termId = term[1];
        jdbc.update("insert into caregiver_update (school_id, term_id, student_id, cycle_no, created_at) "
                + "select school_id, ?, id, 1, ? from student where school_id = ?", termId,
                Timestamp.from(Instant.now()), schoolId);
        return jdbc.query("select id, student_id from caregiver_update where term_id = ? and cycle_no = 1",
                (rs, n) -> new Start(CaregiverProcesses.updateBusinessKey(rs.getLong(2), termId, 1),
                        CaregiverUpdateStarts.variables(schoolId, termId, rs.getLong(2), 1, rs.getLong(1))), termId);
    }
}
