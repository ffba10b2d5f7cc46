package app.tandem.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import app.tandem.TandemApplication;
import app.tandem.program.ProgramFixture;
import app.tandem.program.SchoolProgram;
import app.tandem.system.DistrictClock;
import app.tandem.testsupport.ExternalServiceCondition;
import app.tandem.testsupport.LocalServers;
import app.tandem.testsupport.PostgresSchemas;
import app.tandem.testsupport.RequiresPostgres;

/**
 * Two Tandem JVMs on one PostgreSQL database, as in production: they share the work, the daily
 * digest goes out once, and when one node is killed in the middle of a burst of reminders the other
 * finishes it: every reminder mailed, none twice.
 */
@RequiresPostgres
class ClusterIT {

    private static final String SCHEMA = PostgresSchemas.unique("tandem_cluster_it");
    private static final int BURST = 200;
    private static final String OPERATOR = "admin:demo";
    private static final String JOBS_AT = "job_def_id_ in (select id_ from act_ru_jobdef where act_id_ = ?)";
    /**
     * The burst: the reminders of the 200 alignment meetings, the task deadline jobs of their first stage (the
     * demo's own tasks have reminders too, on other steps, which the burst leaves to their days).
     */
    private static final String REMINDERS = "handler_type_ = 'task-deadline' and handler_cfg_ like 'REMIND|%' "
            + "and split_part(handler_cfg_, '|', 2) in (select id_ from act_ru_task where task_def_key_ = '"
            + SchoolProgram.HOLD_ALIGNMENT_MEETING + "')";
    private static final String DIGEST_STARTS = "everyMorning";
    private static final Duration LOCK_TIME = Duration.ofSeconds(60);

    private static GreenMail smtp;

    @BeforeAll
    static void mailServer() {
        smtp = LocalServers.smtp();
    }

    @AfterAll
    static void stopMailServer() {
        smtp.stop();
    }

    @BeforeAll
    static void emptySchema() throws SQLException {
        PostgresSchemas.recreate(SCHEMA);
    }

    @AfterAll
    static void dropSchema() {
        PostgresSchemas.dropQuietly(SCHEMA);
    }

    @Test
    void shouldShareTheWorkAndFinishTheBurstWhenANodeIsKilled() throws Exception {
        prepareRemindersThatAreNotYetDue();
        JdbcClient db = JdbcClient.create(new SingleConnectionDataSource(
                ExternalServiceCondition.PG_URL + "?currentSchema=" + SCHEMA, ExternalServiceCondition.PG_USER,
                ExternalServiceCondition.PG_PASSWORD, true));

        long burstFrom;
        List<String> burstTasks;
        try (TandemNode a = TandemNode.start("node A", LocalServers.freePort(), nodeSettings(), log("a"));
             TandemNode b = TandemNode.start("node B", LocalServers.freePort(), nodeSettings(), log("b"))) {
            a.awaitHealthy(Duration.ofSeconds(180));
            b.awaitHealthy(Duration.ofSeconds(180));

            String taskId = checkInTaskOfRiverside(b);
            assertThat(a.postJson("/engine-rest/task/" + taskId + "/complete", OPERATOR,
                    "{\"variables\":{\"heldOn\":{\"value\":\"" + LocalDate.now(java.time.ZoneId.of("America/Chicago"))
                            + "\",\"type\":\"String\"},\"studentsDiscussed\":{\"value\":5,\"type\":\"Integer\"}}}")
                    .statusCode()).as("completed on node A").isEqualTo(204);
            assertThat(b.get("/engine-rest/task/" + taskId, OPERATOR).statusCode())
                    .as("gone on node B").isEqualTo(404);

            db.sql("update act_ru_job set duedate_ = current_timestamp - interval '1 second' where " + JOBS_AT)
                    .param(DIGEST_STARTS).update();
            int digests = awaitSent(db, "DAILY_DIGEST", 1, Duration.ofSeconds(90));
            assertThat(mailedOutboxIds(db, "DAILY_DIGEST", 0)).as("each digest mailed once, by one of the two nodes")
                    .hasSize(digests).doesNotHaveDuplicates();

            // The demo's own reminders, written while it was seeded, are not part of the burst.
            burstFrom = db.sql("select coalesce(max(id), 0) + 1 from outbox_message").query(Long.class).single();
            burstTasks = db.sql("select split_part(handler_cfg_, '|', 2) from act_ru_job where " + REMINDERS)
                    .query(String.class).list();
            db.sql("update act_ru_job set duedate_ = current_timestamp - interval '1 second' where " + REMINDERS)
                    .update();
            int remainingAtKill = awaitFirstReminders(db);
            a.kill();

            awaitNoRemindersLeft(db, LOCK_TIME.plusSeconds(90));
            assertThat(remainingAtKill).as("node A was killed in the middle of the burst").isPositive();
            awaitSent(db, "REMINDER", BURST, LOCK_TIME.plusSeconds(120));
        }

        assertThat(mailedOutboxIds(db, "REMINDER", burstFrom)).as("200 reminders mailed, none twice")
                .hasSize(BURST).doesNotHaveDuplicates();

        List<Map<String, Object>> reminders = db.sql("select task_id_, count(*) as n from act_hi_comment "
                + "where message_ like 'Reminder:%' and task_id_ in (:tasks) group by task_id_")
                .param("tasks", burstTasks).query().listOfRows();
        assertThat(reminders).as("one reminder on each meeting").hasSize(BURST)
                .allSatisfy(row -> assertThat(((Number) row.get("n")).intValue()).isEqualTo(1));
    }

    /** In-process, with no job executor: 200 programs whose meeting reminders wait until the test makes them due. */
    private void prepareRemindersThatAreNotYetDue() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TandemApplication.class)
                .profiles("postgres")
                .run(Arrays.stream(settings("TANDEM_DEMO=true", "camunda.bpm.job-execution.enabled=false",
                        "server.port=0", "tandem.mail.embedded.enabled=true", "tandem.mail.embedded.port=0", "tandem.mail.embedded.imap-port=0"))
                        .map(setting -> "--" + setting).toArray(String[]::new))) {
            ProgramFixture fixture = app.getBean(ProgramFixture.class);
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            LocalDate today = app.getBean(DistrictClock.class).today();
            for (int i = 0; i < BURST; i++) {
                ProgramFixture.Program program = fixture.start(today.plusDays(30), today.plusDays(120), "P2W");
                Task schedule = engine.getTaskService().createTaskQuery()
                        .processInstanceId(program.processInstanceId()).singleResult();
                engine.getTaskService().complete(schedule.getId(), Map.of(
                        "alignmentMeetingDate", today.plusDays(3).toString(), "startTime", "16:00", "lengthMinutes", 60, "place", "Library", "invitees", "[]"));
            }
            // The meeting's reminders are Tandem's deadline jobs on the task (notify.TaskDeadlines), one per task.
            var jobs = engine.getManagementService().createJobQuery().processDefinitionKey(SchoolProgram.PROCESS_KEY)
                    .timers().list().stream()
                    .filter(job -> job instanceof org.camunda.bpm.engine.impl.persistence.entity.JobEntity entity
                            && "task-deadline".equals(entity.getJobHandlerType())
                            && entity.getJobHandlerConfigurationRaw().startsWith("REMIND|"))
                    .filter(job -> job.getDuedate().before(java.util.Date.from(Instant.now().plus(Duration.ofDays(2)))))
                    .toList();
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

    /** Waits until at least {@code atLeast} messages of the kind are sent and none waits; returns how many were sent. */
    private int awaitSent(JdbcClient db, String kind, int atLeast, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            int sent = db.sql("select count(*) from outbox_message where kind = ? and status = 'SENT'").param(kind)
                    .query(Integer.class).single();
            int waiting = db.sql("select count(*) from outbox_message where kind = ? and status in ('QUEUED', 'RETRYING')")
                    .param(kind).query(Integer.class).single();
            if (sent >= atLeast && waiting == 0) {
                return sent;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("messages of kind " + kind + " not all sent within " + timeout);
    }

    /** The outbox ids of the mail the SMTP server received, one entry per received copy, of one kind. */
    private List<Long> mailedOutboxIds(JdbcClient db, String kind, long fromId) throws MessagingException {
        List<Long> ofKind = db.sql("select id from outbox_message where kind = ? and id >= ?").params(kind, fromId)
                .query(Long.class).list();
        List<Long> received = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            String[] header = message.getHeader("X-Tandem-Outbox-Id");
            if (header != null && ofKind.contains(Long.valueOf(header[0]))) {
                received.add(Long.valueOf(header[0]));
            }
        }
        return received;
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
        return db.sql("select count(*) from act_ru_job where " + REMINDERS).query(Integer.class).single();
    }

    private static List<String> nodeSettings() {
        return List.of(settings("camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis(),
                "tandem.mail.embedded.enabled=false", "tandem.mail.host=127.0.0.1",
                "tandem.mail.port=" + smtp.getSmtp().getPort(),
                "tandem.demo.enabled=false"));
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

}
