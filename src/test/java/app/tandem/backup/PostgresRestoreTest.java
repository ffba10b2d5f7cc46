package app.tandem.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.tandem.TandemApplication;
import app.tandem.testsupport.ExternalServiceCondition;
import app.tandem.testsupport.PostgresSchemas;
import app.tandem.testsupport.RequiresPostgres;

/**
 * The README's PostgreSQL restore: {@code pg_dump} of a running district's schema, {@code pg_restore} into a fresh
 * database, Tandem started on it with every open task, its offers and its timers as they were.
 */
@RequiresPostgres
class PostgresRestoreTest {

    private static final String SCHEMA = PostgresSchemas.unique("tandem_dumped");
    private static final String RESTORED_DATABASE = PostgresSchemas.unique("tandem_restored");

    @TempDir
    Path folder;

    @BeforeAll
    static void emptySchema() throws SQLException {
        PostgresSchemas.recreate(SCHEMA);
        dropRestoredDatabase();
    }

    @AfterAll
    static void dropBoth() throws SQLException {
        PostgresSchemas.dropQuietly(SCHEMA);
        dropRestoredDatabase();
    }

    @Test
    void shouldStartOnARestoredDumpWithEveryOpenTaskIntact() throws Exception {
        requireTools();
        Path dump = folder.resolve("district.dump");
        Map<String, List<String>> dumped;
        try (ConfigurableApplicationContext app = start(ExternalServiceCondition.PG_URL)) {
            dumped = openWork(app);
            assertThat(dumped.get("engine tasks")).as("one open task in each demo program")
                    .hasSizeGreaterThanOrEqualTo(3);
            assertThat(dumped.get("jobs")).as("their timers").isNotEmpty();
            run("pg_dump", "--format=custom", "--no-owner", "--schema=" + SCHEMA, "--file=" + dump,
                    connection(database()));
        }
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            statement.execute("create database " + RESTORED_DATABASE);
        }
        run("pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + connection(RESTORED_DATABASE),
                dump.toString());

        String restored = ExternalServiceCondition.PG_URL.substring(0,
                ExternalServiceCondition.PG_URL.lastIndexOf('/') + 1) + RESTORED_DATABASE;
        try (ConfigurableApplicationContext app = start(restored)) {
            assertThat(openWork(app)).isEqualTo(dumped);
            TaskService tasks = app.getBean(TaskService.class);
            String open = tasks.createTaskQuery().taskUnassigned().list().get(0).getId();
            tasks.claim(open, "coordinator");
            assertThat(tasks.createTaskQuery().taskId(open).singleResult().getAssignee())
                    .as("the restored district takes work").isEqualTo("coordinator");
        }
    }

    private ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(TandemApplication.class)
                .profiles("postgres")
                .run("--TANDEM_DB_URL=" + url + "?currentSchema=" + SCHEMA,
                        "--TANDEM_DB_USER=" + ExternalServiceCondition.PG_USER,
                        "--TANDEM_DB_PASSWORD=" + ExternalServiceCondition.PG_PASSWORD,
                        "--camunda.bpm.database.schema-name=" + SCHEMA,
                        "--camunda.bpm.database.table-prefix=" + SCHEMA + ".",
                        "--camunda.bpm.job-execution.enabled=false",
                        "--tandem.demo.enabled=true",
                        "--server.port=0",
                        "--tandem.mail.embedded.port=0", "--tandem.mail.embedded.imap-port=0");
    }

    /** Every open task with its offers, and every timer and job, as Tandem and the engine hold them. */
    private static Map<String, List<String>> openWork(ConfigurableApplicationContext app) {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        Map<String, List<String>> work = new TreeMap<>();
        work.put("engine tasks", app.getBean(TaskService.class).createTaskQuery().orderByTaskId().asc().list().stream()
                .map(t -> String.join(" ", t.getId(), t.getTaskDefinitionKey(), t.getProcessInstanceId(),
                        String.valueOf(t.getAssignee()), String.valueOf(t.getDueDate())))
                .toList());
        work.put("open tasks", jdbc.sql("select task_id || ' ' || task_key || ' ' || coalesce(assignee, '-')"
                + " from open_task order by task_id").query(String.class).list());
        work.put("offers", jdbc.sql("select task_id || ' ' || group_id || ' ' || school_id"
                + " from open_task_offer order by task_id, group_id, school_id").query(String.class).list());
        work.put("jobs", app.getBean(ManagementService.class).createJobQuery().orderByJobId().asc().list().stream()
                .map(j -> j.getId() + " " + j.getProcessInstanceId() + " " + j.getDuedate() + " " + j.getRetries())
                .toList());
        return work;
    }

    private static void requireTools() throws InterruptedException {
        try {
            run("pg_dump", "--version");
            run("pg_restore", "--version");
        } catch (IllegalStateException | IOException e) {
            String reason = "Skipped PostgresRestoreTest: pg_dump and pg_restore are not on the PATH ("
                    + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(reason + " (CI=true, so this is a failure, not a skip)");
            }
            System.out.println(reason);
            Assumptions.abort(reason);
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", ExternalServiceCondition.PG_PASSWORD);
        Path output = Files.createTempFile("pg-tool", ".log");
        try {
            Process process = builder.redirectOutput(output.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(command[0] + " failed: " + Files.readString(output));
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** A libpq connection string for a database on the test server. */
    private static String connection(String database) {
        URI server = URI.create(ExternalServiceCondition.PG_URL.substring("jdbc:".length()));
        List<String> parts = new ArrayList<>(List.of("host=" + server.getHost(),
                "port=" + (server.getPort() < 0 ? 5432 : server.getPort()), "dbname=" + database,
                "user=" + ExternalServiceCondition.PG_USER));
        return String.join(" ", parts);
    }

    private static String database() {
        URI server = URI.create(ExternalServiceCondition.PG_URL.substring("jdbc:".length()));
        String path = server.getPath().substring(1);
        int settings = path.indexOf('?');
        return settings < 0 ? path : path.substring(0, settings);
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(ExternalServiceCondition.PG_URL, ExternalServiceCondition.PG_USER,
                ExternalServiceCondition.PG_PASSWORD);
    }

    private static void dropRestoredDatabase() throws SQLException {
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + RESTORED_DATABASE + " with (force)");
        }
    }
}
