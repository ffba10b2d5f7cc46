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
 * instances of the same model, one per transaction, with variables prepared before its clock starts. Each gets a
 * district of its own. The ratio is how many times the bare engine's rate Tandem starts at (target 5).
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
        Sample tandemCpu = new Sample();
        Sample engineCpu = new Sample();
        for (int run = 0; run < RUNS; run++) {
            Timing bare;
            Timing bulk;
            if (run % 2 == 0) {
                bare = bare(jdbc, runtime, launcher, directory, terms, schools, termStart);
                bulk = bulk(jdbc, starts, schools, termStart);
            } else {
                bulk = bulk(jdbc, starts, schools, termStart);
                bare = bare(jdbc, runtime, launcher, directory, terms, schools, termStart);
            }
            engine.add(bare.seconds());
            engineCpu.add(bare.cpuMillis() / schools);
            tandem.add(bulk.seconds());
            tandemCpu.add(bulk.cpuMillis() / schools);
        }
        // How many times the bare engine's rate Tandem starts at: the bare engine's time over Tandem's.
        double ratio = engine.median() / tandem.median();
        boolean full = schools == 1_800;
        report.add(new Result("1. Bulk start", database, String.format(Locale.ROOT,
                "\"Start all planned programs\", %,d schools, time to finish", schools), "s", tandem.median(),
                tandem.min(), tandem.max(), RUNS, String.format(Locale.ROOT, "bare engine %.1f s", engine.median()),
                ratio, full ? "< 5 s; rate ≥ 5 × bare" : "(1,800 schools for the target)",
                full ? tandem.median() < 5 && ratio >= 5 : null));
        report.add(new Result("1. Bulk start", database, String.format(Locale.ROOT,
                "bare engine starting the same %,d instances, one per transaction", schools), "s", engine.median(),
                engine.min(), engine.max(), RUNS, null, null, "", null));
        report.add(new Result("1. Bulk start", database, "CPU per program started (Tandem, batched)", "ms",
                tandemCpu.median(), tandemCpu.min(), tandemCpu.max(), RUNS, String.format(Locale.ROOT,
                "bare engine %.2f ms", engineCpu.median()), tandemCpu.median() / engineCpu.median(), "", null));
    }

    /** @return how long the bare engine takes to start one program per school, variables prepared beforehand */
    private static Timing bare(JdbcTemplate jdbc, RuntimeService runtime, SchoolProgramLauncher launcher,
                               Schools directory, Terms terms, int schools, LocalDate termStart) {
        String tag = "bare-" + Long.toString(System.nanoTime(), 36);
        BenchDistrict.Ids district = BenchDistrict.create(jdbc, tag, schools, termStart);
        List<VariableMap> prepared = district.termIds().stream()
                .map(id -> {
                    var term = terms.byId(id).orElseThrow();
                    return launcher.variables(directory.byId(term.schoolId()).orElseThrow(), term);
                })
                .toList();
        return Timing.of(() -> {
            for (int i = 0; i < prepared.size(); i++) {
                runtime.startProcessInstanceByKey(SchoolProgram.PROCESS_KEY, tag + "-" + i, prepared.get(i));
            }
        });
    }

    /** @return how long a manager's "Start all planned programs" takes to finish, every program started */
    private static Timing bulk(JdbcTemplate jdbc, ProgramStarts starts, int schools, LocalDate termStart) {
        BenchDistrict.Ids district = BenchDistrict.create(jdbc, "bulk-" + Long.toString(System.nanoTime(), 36),
                schools, termStart);
        StartJob[] job = new StartJob[1];
        Timing timing = Timing.of(() -> job[0] = starts.startAll(district.districtId(), null, "bench-manager",
                Locale.ENGLISH));
        if (job[0].count(StartJob.Outcome.STARTED) != schools) {
            throw new IllegalStateException("the bulk start started " + job[0].count(StartJob.Outcome.STARTED) + " of "
                    + schools + ": " + job[0].with(StartJob.Outcome.NOT_STARTED));
        }
        return timing;
    }
}
