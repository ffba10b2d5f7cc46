package app.tandem.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import app.tandem.TandemApplication;
import app.tandem.program.ProgramCalendar;
import app.tandem.program.ProgramFixture;
import app.tandem.program.SchoolProgram;
import app.tandem.testsupport.ExternalServiceCondition;
import app.tandem.testsupport.RequiresPostgres;

/**
 * Two Tandem JVMs on one PostgreSQL database, as in production: they share the work, and when one
 * is killed in the middle of a burst of reminders the other finishes it, each reminder once.
 */
@RequiresPostgres
class ClusterIT {

    private static final String SCHEMA = "tandem_cluster_it";
    private static final int BURST = 200;
    private static final String OPERATOR = "admin:demo";
    private static final String REMINDER_JOBS = "job_def_id_ in (select id_ from act_ru_jobdef where act_id_ = ?)";
    private static final Duration LOCK_TIME = Duration.ofSeconds(15);

    @BeforeAll
    static void emptySchema() throws SQLException {
        try (Connection connection = DriverManager.getConnection(ExternalServiceCondition.PG_URL,
                ExternalServiceCondition.PG_USER, ExternalServiceCondition.PG_PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
            statement.execute("create schema " + SCHEMA);
        }
    }

    @Test
    void shouldShareTheWorkAndFinishTheBurstWhenANodeIsKilled() throws Exception {
        prepareRemindersThatAreNotYetDue();
        JdbcClient db = JdbcClient.create(new SingleConnectionDataSource(
                ExternalServiceCondition.PG_URL + "?currentSchema=" + SCHEMA, ExternalServiceCondition.PG_USER,
                ExternalServiceCondition.PG_PASSWORD, true));

        try (TandemNode a = TandemNode.start("node A", freePort(), nodeSettings(), log("a"));
             TandemNode b = TandemNode.start("node B", freePort(), nodeSettings(), log("b"))) {
            a.awaitHealthy(Duration.ofSeconds(180));
            b.awaitHealthy(Duration.ofSeconds(180));

            String taskId = checkInTaskOfRiverside(b);
            assertThat(a.postJson("/engine-rest/task/" + taskId + "/complete", OPERATOR,
                    "{\"variables\":{\"heldOn\":{\"value\":\"" + LocalDate.now(java.time.ZoneId.of("America/Chicago"))
                            + "\",\"type\":\"String\"},\"studentsDiscussed\":{\"value\":5,\"type\":\"Integer\"}}}")
                    .statusCode()).as("completed on node A").isEqualTo(204);
            assertThat(b.get("/engine-rest/task/" + taskId, OPERATOR).statusCode())
                    .as("gone on node B").isEqualTo(404);

            db.sql("update act_ru_job set duedate_ = current_timestamp - interval '1 second' where " + REMINDER_JOBS)
                    .param(SchoolProgram.ALIGNMENT_MEETING_SOON).update();
            int remainingAtKill = awaitFirstReminders(db);
            a.kill();

            awaitNoRemindersLeft(db, LOCK_TIME.plusSeconds(90));
            assertThat(remainingAtKill).as("node A was killed in the middle of the burst").isPositive();
        }

        List<Map<String, Object>> reminders = db.sql("select task_id_, count(*) as n from act_hi_comment "
                + "where message_ like 'Reminder:%' group by task_id_").query().listOfRows();
        assertThat(reminders).as("one reminder on each meeting").hasSize(BURST)
                .allSatisfy(row -> assertThat(((Number) row.get("n")).intValue()).isEqualTo(1));
    }

    /** In-process, with no job executor: 200 programs whose meeting reminders wait until the test makes them due. */
    private void prepareRemindersThatAreNotYetDue() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TandemApplication.class)
                .profiles("postgres")
                .run(Arrays.stream(settings("TANDEM_DEMO=true", "camunda.bpm.job-execution.enabled=false",
                        "server.port=0")).map(setting -> "--" + setting).toArray(String[]::new))) {
            ProgramFixture fixture = app.getBean(ProgramFixture.class);
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            LocalDate today = app.getBean(ProgramCalendar.class).today();
            for (int i = 0; i < BURST; i++) {
                ProgramFixture.Program program = fixture.start(today.plusDays(30), today.plusDays(120), "P2W");
                Task schedule = engine.getTaskService().createTaskQuery()
                        .processInstanceId(program.processInstanceId()).singleResult();
                engine.getTaskService().complete(schedule.getId(), Map.of(
                        "alignmentMeetingDate", today.plusDays(2).toString(), "invitees", "[]"));
            }
            var jobs = engine.getManagementService().createJobQuery().activityId(SchoolProgram.ALIGNMENT_MEETING_SOON).list();
            assertThat(jobs).hasSize(BURST);
            java.util.Date later = java.util.Date.from(Instant.now().plus(Duration.ofDays(1)));
            jobs.forEach(job -> engine.getManagementService().setJobDuedate(job.getId(), later));
        }
    }

    private String checkInTaskOfRiverside(TandemNode node) throws IOException, InterruptedException {
        String body = node.get("/engine-rest/task?taskDefinitionKey=" + SchoolProgram.HOLD_CHECK_IN
                + "&processInstanceBusinessKeyLike=riverside%2F%25", OPERATOR).body();
        int at = body.indexOf("\"id\":\"");
        assertThat(at).as("the demo school's task is listed on node B: " + body).isPositive();
        return body.substring(at + 6, body.indexOf('"', at + 6));
    }

    private int awaitFirstReminders(JdbcClient db) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            int remaining = remaining(db);
            if (remaining < BURST) {
                return remaining;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no reminder was sent within a minute of falling due");
    }

    private void awaitNoRemindersLeft(JdbcClient db, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (remaining(db) > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(remaining(db) + " reminders still waiting after node A was killed");
            }
            Thread.sleep(250);
        }
    }

    private static int remaining(JdbcClient db) {
        return db.sql("select count(*) from act_ru_job where " + REMINDER_JOBS)
                .param(SchoolProgram.ALIGNMENT_MEETING_SOON).query(Integer.class).single();
    }

    private static List<String> nodeSettings() {
        return List.of(settings("camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis(),
                "tandem.demo.enabled=false", "tandem.mail.embedded.port=0"));
    }

    private static String[] settings(String... extra) {
        List<String> settings = new ArrayList<>(List.of(
                "TANDEM_DB_URL=" + ExternalServiceCondition.PG_URL + "?currentSchema=" + SCHEMA,
                "TANDEM_DB_USER=" + ExternalServiceCondition.PG_USER,
                "TANDEM_DB_PASSWORD=" + ExternalServiceCondition.PG_PASSWORD,
                "TANDEM_DB_POOL_SIZE=8",
                "camunda.bpm.database.schema-name=" + SCHEMA,
                "camunda.bpm.database.table-prefix=" + SCHEMA + "."));
        settings.addAll(List.of(extra));
        return settings.toArray(String[]::new);
    }

    private static Path log(String node) {
        return Path.of("target", "cluster-node-" + node + ".log");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
