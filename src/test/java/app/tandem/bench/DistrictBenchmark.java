package app.tandem.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import app.tandem.TandemApplication;
import app.tandem.directory.Schools;
import app.tandem.directory.Terms;
import app.tandem.program.SchoolProgram;
import app.tandem.program.SchoolProgramLauncher;
import app.tandem.testsupport.ExternalServiceCondition;

/**
 * Tandem at district scale, each figure beside a baseline measured in the same run. Run with
 * {@code ./mvnw -Pbench verify}; writes target/benchmarks/results.json and docs/benchmarks.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistrictBenchmark {

    static final int SCHOOLS = Integer.getInteger("bench.schools", 1_800);
    static final int STUDENTS = Integer.getInteger("bench.students", 100_000);
    static final int WARMUP = 100;
    static final int PER_RUN = 300;
    static final int RUNS = 5;
    static final int[] TASK_SIZES = {Integer.getInteger("bench.tasks.first", 100_000),
            Integer.getInteger("bench.tasks", 500_000)};
    static final int BURST = Integer.getInteger("bench.burst", 30_000);
    static final int BURST_RUNS = Integer.getInteger("bench.burst.runs", 1);

    private static final BenchReport REPORT = new BenchReport();

    @Test
    @Order(1)
    void onH2() throws Exception {
        Path file = Path.of("target", "bench", "h2-" + System.nanoTime());
        run("H2", System.getProperty("bench.h2.url", "jdbc:h2:file:" + file.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=256"), "sa", "", null);
    }

    @Test
    @Order(2)
    void onPostgres() throws Exception {
        // Helpers benchmarking side by side each pass their own schema.
        String schema = System.getProperty("bench.pg.schema", "tandem_bench");
        try (Connection connection = DriverManager.getConnection(ExternalServiceCondition.PG_URL,
                ExternalServiceCondition.PG_USER, ExternalServiceCondition.PG_PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
            statement.execute("create schema " + schema);
        } catch (java.sql.SQLException e) {
            REPORT.note("PostgreSQL scenarios skipped: " + e.getMessage());
            System.out.println("Skipped the PostgreSQL benchmarks: " + e.getMessage());
            return;
        }
        run("PostgreSQL", ExternalServiceCondition.PG_URL + "?currentSchema=" + schema, ExternalServiceCondition.PG_USER,
                ExternalServiceCondition.PG_PASSWORD, schema);
    }

    @AfterAll
    static void writeReport() throws Exception {
        String only = System.getProperty("bench.only");
        // A run of one scenario must not replace the full report.
        Path markdown = only == null ? Path.of("docs", "benchmarks.md") : Path.of("target", "benchmarks", only + ".md");
        REPORT.write(Path.of("target", "benchmarks", "results.json"), markdown);
    }

    private void run(String database, String url, String user, String password, String schema) throws Exception {
        Sample startup = new Sample();
        long started = System.nanoTime();
        ConfigurableApplicationContext app = start(url, user, password, schema);
        startup.add((System.nanoTime() - started) / 1e6);
        try {
            if ("burst".equals(System.getProperty("bench.only"))) {
                burstAlone(app, database, url, user, password, schema);
                return;
            }
            if (wanted("bulk-start")) {
                BulkStartScenario.run(app, database, SCHOOLS, REPORT);
            }
            if (!wanted("launch") && !wanted("caregiver-launch") && !wanted("pages") && !wanted("burst")) {
                return;
            }
            long districtId = wanted("launch") ? LaunchScenario.run(app, database, REPORT)
                    : BenchDistrict.create(app.getBean(JdbcTemplate.class), "bench", SCHOOLS,
                            LocalDate.now().plusDays(60)).districtId();
            long familiesStarted = System.nanoTime();
            BenchDistrict.addFamilies(app.getBean(JdbcTemplate.class), districtId, STUDENTS);
            if (schema != null) {
                // Autovacuum would analyze the new roster soon; this machine's PostgreSQL runs without it.
                app.getBean(JdbcTemplate.class).execute("analyze");
            }
            REPORT.note(String.format(java.util.Locale.ROOT, "%s: %,d students with their caregivers written in %.1f s.",
                    database, STUDENTS, (System.nanoTime() - familiesStarted) / 1e9));
            if (wanted("caregiver-launch")) {
                CaregiverLaunchScenario.run(app, database, districtId, Integer.getInteger("bench.updates.runs", 1),
                        REPORT);
            }
            if (!wanted("pages") && !wanted("burst")) {
                memory(app, database);
                return;
            }
            Map<Long, String> coordinators = PageScenario.staff(app, districtId);
            BenchTasks bulk = new BenchTasks(app.getBean(JdbcTemplate.class), districtId, coordinators);
            long engineTasks = app.getBean(TaskService.class).createTaskQuery().count();
            // H2 is the single-machine default: the district's half a million open tasks are PostgreSQL's.
            int[] sizes = schema == null ? new int[] {TASK_SIZES[0]} : TASK_SIZES;
            if (schema == null) {
                REPORT.note("H2: the inbox is measured at the first size only; 500,000 open tasks are a "
                        + "district on PostgreSQL (the engine's own sorted task query alone took seconds on H2).");
            }
            for (int size : sizes) {
                long grown = System.nanoTime();
                bulk.growTo((int) (size - engineTasks));
                if (schema != null) {
                    // What autovacuum would do by itself a little later: fresh planner statistics.
                    app.getBean(JdbcTemplate.class).execute("analyze");
                }
                REPORT.note(String.format(java.util.Locale.ROOT, "%s: open tasks grown to %,d in %.1f s.", database,
                        size, (System.nanoTime() - grown) / 1e9));
                if (wanted("pages")) {
                    PageScenario.run(app, database, districtId, REPORT);
                }
            }
            memory(app, database);
            if (wanted("burst")) {
                List<Integer> nodes = schema == null ? List.of(1) : List.of(1, 2);
                // The burst reminds coordinators of tasks they hold, each task once: after the caregiver updates
                // (engine tasks of their own) the pages' sizes leave too few of them for 30,000 reminders.
                bulk.growTo(Math.max(sizes[sizes.length - 1] - (int) engineTasks,
                        ReminderBurstScenario.tasksNeeded(BURST, nodes.size() * BURST_RUNS)));
                if (schema != null) {
                    app.getBean(JdbcTemplate.class).execute("analyze");
                }
                new ReminderBurstScenario(app, database, extra -> start(url, user, password, schema, extra))
                        .run(BURST, nodes, BURST_RUNS, REPORT);
            }
        } finally {
            app.close();
            startUps(url, user, password, schema, startup, database);
        }
    }

    /** Start-up, reported by every run: the first start on an empty database, then two restarts on the loaded one. */
    private static void startUps(String url, String user, String password, String schema, Sample startup,
                                 String database) {
        for (int i = 0; i < 2; i++) {
            long started = System.nanoTime();
            start(url, user, password, schema).close();
            startup.add((System.nanoTime() - started) / 1e6);
        }
        REPORT.add(new Result("5. Start-up", database, "time to start (first on an empty database, then restarts)",
                "ms", startup.median(), startup.min(), startup.max(), startup.values().size(),
                String.format(java.util.Locale.ROOT, "first start %.0f ms", startup.values().get(0)), null,
                "reported", null));
    }

    /** Not skipped, and either every scenario runs or this one is named ({@code -Dbench.only=bulk-start,caregiver-launch}). */
    private static boolean wanted(String scenario) {
        String only = System.getProperty("bench.only");
        return !skipped(scenario) && (only == null || List.of(only.split(",")).contains(scenario));
    }

    /**
     * The reminder burst alone ({@code -Dbench.only=burst}, size {@code -Dbench.burst=N}): the district's schools and
     * staff, and the coordinators' tasks it reminds about, without the other scenarios.
     */
    private static void burstAlone(ConfigurableApplicationContext app, String database, String url, String user,
                                   String password, String schema) throws Exception {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        long districtId = LaunchScenario.run(app, database, REPORT);
        Map<Long, String> coordinators = PageScenario.staff(app, districtId);
        List<Integer> nodes = schema == null ? List.of(1) : List.of(1, 2);
        new BenchTasks(jdbc, districtId, coordinators)
                .growTo(ReminderBurstScenario.tasksNeeded(BURST, nodes.size() * BURST_RUNS));
        if (schema != null) {
            jdbc.execute("analyze");
        }
        new ReminderBurstScenario(app, database, extra -> start(url, user, password, schema, extra))
                .run(BURST, nodes, BURST_RUNS, REPORT);
    }

    /** While working on one scenario: {@code -Dbench.skip=pages,...}. */
    private static boolean skipped(String scenario) {
        return List.of(System.getProperty("bench.skip", "").split(",")).contains(scenario);
    }

    private void memory(ConfigurableApplicationContext app, String database) {
        System.gc();
        System.gc();
        double usedMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
        long instances = app.getBean(RuntimeService.class).createProcessInstanceQuery().count();
        REPORT.add(new Result("5. Memory", database, "heap after GC, district loaded (" + instances + " instances)",
                "MB", usedMb, usedMb, usedMb, 1, null, null, "< 512 MB", usedMb < 512));
    }

    private static ConfigurableApplicationContext start(String url, String user, String password, String schema) {
        return start(url, user, password, schema, List.of());
    }

    /** A Tandem node on the benchmark's database; {@code extra} settings win over the benchmark's own. */
    private static ConfigurableApplicationContext start(String url, String user, String password, String schema,
                                                        List<String> extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user, "--spring.datasource.password=" + password, "--server.port=0", "--tandem.mail.embedded.port=0", "--tandem.mail.embedded.imap-port=0",
                "--tandem.demo.enabled=false", "--camunda.bpm.job-execution.enabled=false",
                "--logging.level.root=warn"));
        if (schema != null) {
            // The production settings for PostgreSQL and clusters (job acquisition backoff, pool size).
            args.add("--spring.profiles.active=postgres");
            args.add("--camunda.bpm.database.schema-name=" + schema);
            args.add("--camunda.bpm.database.table-prefix=" + schema + ".");
        }
        for (String setting : extra) {
            // A setting given twice would reach Spring as "false,true": the extra one replaces the default.
            String key = setting.substring(0, setting.indexOf('=') + 1);
            args.removeIf(arg -> arg.startsWith(key));
            args.add(setting);
        }
        return new SpringApplicationBuilder(TandemApplication.class).run(args.toArray(String[]::new));
    }

    /** Scenario 1: programs started through Tandem's launcher against the bare engine, same model, same database. */
    static final class LaunchScenario {

        /** @return the benchmark district's id */
        static long run(ConfigurableApplicationContext app, String database, BenchReport report) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            SchoolProgramLauncher launcher = app.getBean(SchoolProgramLauncher.class);
            RuntimeService runtime = app.getBean(RuntimeService.class);
            Schools schools = app.getBean(Schools.class);
            Terms terms = app.getBean(Terms.class);
            BenchDistrict.Ids district = BenchDistrict.create(jdbc, "bench", SCHOOLS, LocalDate.now().plusDays(60));
            List<Long> termIds = district.termIds();

            int next = 0;
            for (int i = 0; i < WARMUP; i++, next++) {
                launcher.start(termIds.get(next));
                bare(runtime, schools, terms, launcher, termIds.get(next), "warmup-" + i);
            }
            Sample tandem = new Sample();
            Sample engine = new Sample();
            for (int run = 0; run < RUNS; run++) {
                List<Long> batch = termIds.subList(next, next + PER_RUN);
                next += PER_RUN;
                // The bare engine gets its variables ready before the clock starts; Tandem works them out itself.
                List<org.camunda.bpm.engine.variable.VariableMap> prepared = batch.stream()
                        .map(id -> {
                            var term = terms.byId(id).orElseThrow();
                            return launcher.variables(schools.byId(term.schoolId()).orElseThrow(), term);
                        })
                        .toList();
                int key = run;
                Runnable bareRun = () -> {
                    for (int i = 0; i < prepared.size(); i++) {
                        runtime.startProcessInstanceByKey(SchoolProgram.PROCESS_KEY, "plain-" + key + "-" + i,
                                prepared.get(i));
                    }
                };
                if (run % 2 == 0) {
                    tandem.add(rate(() -> batch.forEach(launcher::start)));
                    engine.add(rate(bareRun));
                } else {
                    engine.add(rate(bareRun));
                    tandem.add(rate(() -> batch.forEach(launcher::start)));
                }
            }
            double ratio = tandem.median() / engine.median();
            report.add(new Result("1. Launch", database, "school programs started per second (Tandem)", "/s",
                    tandem.median(), tandem.min(), tandem.max(), RUNS, "bare engine " + Math.round(engine.median()) + "/s",
                    ratio, "ratio ≥ 0.7", ratio >= 0.7));
            report.add(new Result("1. Launch", database, "school programs started per second (bare engine)", "/s",
                    engine.median(), engine.min(), engine.max(), RUNS, null, null, "", null));
            return district.districtId();
        }

        private static void bare(RuntimeService runtime, Schools schools, Terms terms, SchoolProgramLauncher launcher,
                                 long termId, String prefix) {
            var term = terms.byId(termId).orElseThrow();
            var school = schools.byId(term.schoolId()).orElseThrow();
            runtime.startProcessInstanceByKey(SchoolProgram.PROCESS_KEY, prefix + "-" + termId + "-" + System.nanoTime(),
                    launcher.variables(school, term));
        }

        private static double rate(Runnable work) {
            long started = System.nanoTime();
            work.run();
            return PER_RUN / ((System.nanoTime() - started) / 1e9);
        }
    }
}
