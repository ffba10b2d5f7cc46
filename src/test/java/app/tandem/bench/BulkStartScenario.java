package app.tandem.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import app.tandem.directory.Schools;
import app.tandem.directory.Terms;
import app.tandem.program.ProgramStarts;
import app.tandem.program.SchoolProgram;
import app.tandem.program.SchoolProgramLauncher;
import app.tandem.program.StartJob;

/**
 * Scenario 1b: "Start all planned programs" for a district of 1,800 schools, as a manager clicks it (the
 * whole job, with its claims, results and progress rows), beside the bare engine starting the same 1,800
 * instances of the same model with variables prepared before its clock starts. Each gets a district of its own.
 */
final class BulkStartScenario {

    private BulkStartScenario() {
    }

    static final int RUNS = 3;

    static void run(ConfigurableApplicationContext app, String database, int schools, BenchReport report) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        ProgramStarts starts = app.getBean(ProgramStarts.class);
        SchoolProgramLauncher launcher = app.getBean(SchoolProgramLauncher.class);
        RuntimeService runtime = app.getBean(RuntimeService.class);
        Schools directory = app.getBean(Schools.class);
        Terms terms = app.getBean(Terms.class);
        LocalDate termStart = LocalDate.now().plusDays(60);

        // Warm both paths up on a small district first: the first run would otherwise pay for the JIT.
        bare(jdbc, runtime, launcher, directory, terms, 200, termStart);
        bulk(jdbc, starts, 200, termStart);
        Sample tandem = new Sample();
        Sample engine = new Sample();
        for (int run = 0; run < RUNS; run++) {
            if (run % 2 == 0) {
                engine.add(bare(jdbc, runtime, launcher, directory, terms, schools, termStart));
                tandem.add(bulk(jdbc, starts, schools, termStart));
            } else {
                tandem.add(bulk(jdbc, starts, schools, termStart));
                engine.add(bare(jdbc, runtime, launcher, directory, terms, schools, termStart));
            }
        }
        double ratio = tandem.median() / engine.median();
        report.add(new Result("1. Bulk start", database, String.format(Locale.ROOT,
                "\"Start all planned programs\", %,d schools, time to finish", schools), "s", tandem.median(),
                tandem.min(), tandem.max(), RUNS, String.format(Locale.ROOT, "bare engine %.1f s", engine.median()),
                ratio, "", null));
        report.add(new Result("1. Bulk start", database, String.format(Locale.ROOT,
                "bare engine starting the same %,d instances", schools), "s", engine.median(), engine.min(),
                engine.max(), RUNS, null, null, "", null));
    }

    /** @return seconds for the bare engine to start one program per school, variables prepared beforehand */
    private static double bare(JdbcTemplate jdbc, RuntimeService runtime, SchoolProgramLauncher launcher,
                               Schools directory, Terms terms, int schools, LocalDate termStart) {
        String tag = "bare-" + Long.toString(System.nanoTime(), 36);
        BenchDistrict.Ids district = BenchDistrict.create(jdbc, tag, schools, termStart);
        List<VariableMap> prepared = district.termIds().stream()
                .map(id -> {
                    var term = terms.byId(id).orElseThrow();
                    return launcher.variables(directory.byId(term.schoolId()).orElseThrow(), term);
                })
                .toList();
        long started = System.nanoTime();
        for (int i = 0; i < prepared.size(); i++) {
            runtime.startProcessInstanceByKey(SchoolProgram.PROCESS_KEY, tag + "-" + i, prepared.get(i));
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** @return seconds for a manager's "Start all planned programs" to finish, every program started */
    private static double bulk(JdbcTemplate jdbc, ProgramStarts starts, int schools, LocalDate termStart) {
        BenchDistrict.Ids district = BenchDistrict.create(jdbc, "bulk-" + Long.toString(System.nanoTime(), 36),
                schools, termStart);
        long started = System.nanoTime();
        StartJob job = starts.startAll(district.districtId(), null, "bench-manager", Locale.ENGLISH);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (job.count(StartJob.Outcome.STARTED) != schools) {
            throw new IllegalStateException("the bulk start started " + job.count(StartJob.Outcome.STARTED) + " of "
                    + schools + ": " + job.with(StartJob.Outcome.NOT_STARTED));
        }
        return seconds;
    }
}
