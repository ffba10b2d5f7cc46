package app.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import app.tandem.TandemApplication;
import app.tandem.testsupport.BrowserlessSession;
import app.tandem.testsupport.ExternalServiceCondition;
import app.tandem.testsupport.PostgresSchemas;
import app.tandem.testsupport.RequiresPostgres;

/**
 * A district's database written by the previous release ({@code src/test/resources/upgrade/}, made by
 * {@code .ci/make-upgrade-fixture} from that release's jar and demo) upgraded by this one: Flyway applies every
 * migration the old database lacks, every task, piece of evidence, message and disclosure is still there, and the
 * old school programs, still on the model version they started with, are worked on through Tandem's task pages to
 * their next steps.
 */
class UpgradeTest {

    private static final Pattern MIGRATION = Pattern.compile("V(\\d+(?:_\\d+)*)__.*\\.sql");
    private static final String DUMPED_SCHEMA = "tandem_previous_release";

    @TempDir
    Path folder;
    /** Read from the old database before Tandem starts on it. */
    private Map<String, List<String>> before;
    private List<String> oldVersions;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldUpgradeThePreviousReleasesH2FileWithEveryRecordAndRunItsProgramsOn() throws IOException {
        try (ConfigurableApplicationContext app = upgradedH2File()) {
            assertUpgraded(app);
        }
    }

    /**
     * The previous release's school-program model (version 1) waits on {@code ${alignmentReminderAt}} and calls
     * {@code escalateOverdueTask} and {@code cancelAlignmentInvitations}, names this release keeps for it until no
     * version-1 program runs.
     */
    @Test
    void shouldLetAProgramOfThePreviousReleaseScheduleHoldAndRecordItsAlignmentMeeting() throws IOException {
        try (ConfigurableApplicationContext app = upgradedH2File()) {
            meetAtMaple(app, signIn(app));
        }
    }

    private ConfigurableApplicationContext upgradedH2File() throws IOException {
        unzip(resource("tandem-h2.zip"), folder);
        String url = "jdbc:h2:file:" + folder.resolve("tandem");
        JdbcClient old = JdbcClient.create(new DriverManagerDataSource(url, "sa", ""));
        before = records(old);
        oldVersions = migrations(old);
        pinClockToWhenTheOldReleaseStopped(old);
        return new SpringApplicationBuilder(TandemApplication.class)
                .run(arguments("--spring.datasource.url=" + url + ";DB_CLOSE_ON_EXIT=FALSE"));
    }

    @Test
    @RequiresPostgres
    void shouldUpgradeThePreviousReleasesPostgresDumpWithEveryRecordAndRunItsProgramsOn() throws Exception {
        requirePsql();
        String schema = PostgresSchemas.unique("tandem_upgraded");
        PostgresSchemas.dropQuietly(schema);
        Path dump = folder.resolve("dump.sql");
        try (InputStream in = resource("tandem-postgres.sql")) {
            Files.writeString(dump, new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace(DUMPED_SCHEMA, schema));
        }
        try {
            psql("--set=ON_ERROR_STOP=1", "--quiet", "--file=" + dump);
            String url = ExternalServiceCondition.PG_URL + "?currentSchema=" + schema;
            JdbcClient old = JdbcClient.create(new DriverManagerDataSource(url, ExternalServiceCondition.PG_USER,
                    ExternalServiceCondition.PG_PASSWORD));
            before = records(old);
            oldVersions = migrations(old);
            pinClockToWhenTheOldReleaseStopped(old);

            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TandemApplication.class)
                    .profiles("postgres")
                    .run(arguments("--TANDEM_DB_URL=" + url,
                            "--TANDEM_DB_USER=" + ExternalServiceCondition.PG_USER,
                            "--TANDEM_DB_PASSWORD=" + ExternalServiceCondition.PG_PASSWORD,
                            "--camunda.bpm.database.schema-name=" + schema,
                            "--camunda.bpm.database.table-prefix=" + schema + "."))) {
                assertUpgraded(app);
            }
        } finally {
            PostgresSchemas.dropQuietly(schema);
        }
    }

    private String[] arguments(String... database) {
        List<String> arguments = new ArrayList<>(List.of(database));
        arguments.addAll(List.of("--server.port=0",
                "--tandem.mail.embedded.port=0",
                "--tandem.mail.embedded.imap-port=0",
                "--tandem.backup.folder=" + folder.resolve("backups"),
                "--tandem.demo.enabled=false",
                // Nothing moves by itself: the old timers stay where they were, the test does the work.
                "--camunda.bpm.job-execution.enabled=false"));
        return arguments.toArray(String[]::new);
    }

    private void assertUpgraded(ConfigurableApplicationContext app) {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        List<String> shipped = shippedMigrations();
        assertThat(oldVersions).as("the old database lacks some of this release's migrations")
                .isNotEqualTo(shipped).isSubsetOf(shipped);
        assertThat(migrations(jdbc)).as("Flyway applied every migration the old database lacked")
                .containsExactlyElementsOf(shipped);
        assertThat(records(jdbc)).as("nothing lost or changed by the upgrade").isEqualTo(before);
        assertOldProgramsKeepTheirModelAndRunOn(app);
    }

    private void assertOldProgramsKeepTheirModelAndRunOn(ConfigurableApplicationContext app) {
        RuntimeService runtime = app.getBean(RuntimeService.class);
        RepositoryService repository = app.getBean(RepositoryService.class);
        int latest = repository.createProcessDefinitionQuery().processDefinitionKey("school-program")
                .latestVersion().singleResult().getVersion();
        List<ProcessInstance> programs = runtime.createProcessInstanceQuery().processDefinitionKey("school-program")
                .list();
        assertThat(programs).hasSize(3);
        assertThat(programs).as("running programs keep the model they started with")
                .allSatisfy(pi -> assertThat(repository.getProcessDefinition(pi.getProcessDefinitionId())
                        .getVersion()).isLessThan(latest));

        BrowserlessSession coordinator = signIn(app);
        closeCedarHill(app, coordinator);
        holdRiversidesCheckIn(app, coordinator);
    }

    private static BrowserlessSession signIn(ConfigurableApplicationContext app) {
        return signIn(app, "coordinator");
    }

    private static BrowserlessSession signIn(ConfigurableApplicationContext app, String username) {
        return BrowserlessSession.signIn("http://localhost:" + app.getEnvironment().getProperty("local.server.port"),
                username, "demo");
    }

    /** The term ended: impact summary, close-out meeting, program closed. */
    private static void closeCedarHill(ConfigurableApplicationContext app, BrowserlessSession coordinator) {
        TaskService tasks = app.getBean(TaskService.class);
        LocalDate today = app.getBean(DistrictClock.class).today();
        Task summary = open(tasks, "prepareImpactSummary");
        complete(coordinator, summary, "studentsServed=14&progressSummary=Most+students+closed+half+a+grade+level");
        Task closeOut = open(tasks, "holdCloseOutMeeting");
        assertThat(closeOut.getProcessInstanceId()).isEqualTo(summary.getProcessInstanceId());
        assertThat(coordinator.get("/tasks?view=group").body()).as("in the coordinators' group tasks")
                .contains("Hold the close-out meeting");
        complete(coordinator, closeOut, "heldOn=" + today + "&attendees=jbrooks");
        assertThat(app.getBean(RuntimeService.class).createProcessInstanceQuery()
                .processInstanceId(summary.getProcessInstanceId()).count()).as("Cedar Hill's program closed").isZero();
        assertThat(milestones(app, summary.getProcessInstanceId())).contains("CLOSE_OUT_MEETING HELD " + today);
        assertThat(app.getBean(JdbcClient.class).sql("select students_served from impact_summary")
                .query(Integer.class).list()).containsExactly(14);
    }

    /** The term runs: this check-in held, the next window opens on its day with the next check-in. */
    private static void holdRiversidesCheckIn(ConfigurableApplicationContext app, BrowserlessSession coordinator) {
        TaskService tasks = app.getBean(TaskService.class);
        ManagementService management = app.getBean(ManagementService.class);
        LocalDate today = app.getBean(DistrictClock.class).today();
        Task checkIn = open(tasks, "holdCheckIn");
        String pi = checkIn.getProcessInstanceId();
        complete(coordinator, checkIn, "heldOn=" + today + "&studentsDiscussed=9&attendees=tokoye");
        assertThat(milestones(app, pi)).contains("CHECK_IN HELD " + today);

        Job nextWindow = management.createJobQuery().processInstanceId(pi).activityId("nextCheckInWindowOpens")
                .singleResult();
        assertThat(nextWindow).as("waiting for the next window").isNotNull();
        ClockUtil.setCurrentTime(nextWindow.getDuedate());
        management.executeJob(nextWindow.getId());
        assertThat(open(tasks, "holdCheckIn").getId()).as("Riverside's next check-in").isNotEqualTo(checkIn.getId());
    }

    /**
     * Before the term: the meeting scheduled; its people reminded once, its school leader and managers told once
     * when it slips; a manager has it rescheduled, the meeting task moves to the new day, where it is held and
     * recorded, the caregivers' introduction next.
     */
    private static void meetAtMaple(ConfigurableApplicationContext app, BrowserlessSession coordinator) {
        TaskService tasks = app.getBean(TaskService.class);
        DistrictClock clock = app.getBean(DistrictClock.class);
        Task schedule = open(tasks, "scheduleAlignmentMeeting");
        String pi = schedule.getProcessInstanceId();
        LocalDate meetingDay = clock.today().plusDays(7);
        complete(coordinator, schedule, "alignmentMeetingDate=" + meetingDay + "&invitees=mpatel");
        Task meeting = open(tasks, "holdAlignmentMeeting");

        runJobsUntil(app, pi, dueOf(app, pi, "alignmentMeetingSoon"));
        assertThat(messagesAbout(app, meeting)).as("everyone on the meeting reminded once, by the old timer and"
                + " the task's own job").contains("reminder mpatel").doesNotHaveDuplicates();
        assertThat(tasks.getTaskComments(meeting.getId())).as("one reminder note on the task").hasSize(1);

        runJobsUntil(app, pi, dueOf(app, pi, "alignmentMeetingOverdue"));
        Task followUp = open(tasks, "followUpOverdueAlignmentMeeting");
        runJobsUntil(app, pi, app.getBean(JdbcClient.class).sql("select duedate_ from act_ru_job"
                + " where handler_cfg_ like ?").param("MANAGERS|" + meeting.getId() + "|%").query(Date.class).single());
        assertThat(messagesAbout(app, meeting)).as("the school leader and the managers told once each")
                .contains("escalation mpatel", "escalation manager").doesNotHaveDuplicates();

        complete(signIn(app, "manager"), followUp, "followUpAction=rescheduled");
        LocalDate newDay = clock.today().plusDays(3);
        complete(coordinator, open(tasks, "rescheduleAlignmentMeeting"),
                "alignmentMeetingDate=" + newDay + "&invitees=mpatel");
        Task moved = open(tasks, "holdAlignmentMeeting");
        assertThat(clock.dayOf(moved.getDueDate())).as("the meeting task moved to the new day").isEqualTo(newDay);

        ClockUtil.setCurrentTime(Date.from(newDay.atTime(LocalTime.of(16, 0)).atZone(clock.zone()).toInstant()));
        complete(coordinator, moved, "heldOn=" + newDay + "&attendees=mpatel&alignmentPoints=schedule");
        assertThat(milestones(app, pi)).contains("ALIGNMENT_MEETING HELD " + newDay);
        assertThat(app.getBean(ManagementService.class).createJobQuery()
                .processInstanceId(pi).activityId("introduceProgramToCaregivers").count())
                .as("Maple's caregivers are introduced next").isOne();
    }

    private static Date dueOf(ConfigurableApplicationContext app, String processInstanceId, String activityId) {
        return app.getBean(ManagementService.class).createJobQuery().processInstanceId(processInstanceId)
                .activityId(activityId).singleResult().getDuedate();
    }

    /** What the job executor would have done by then, oldest job first. */
    private static void runJobsUntil(ConfigurableApplicationContext app, String processInstanceId, Date until) {
        ManagementService management = app.getBean(ManagementService.class);
        ClockUtil.setCurrentTime(until);
        for (int ran = 0; ran < 20; ran++) {
            List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable()
                    .orderByJobDuedate().asc().listPage(0, 1);
            if (due.isEmpty()) {
                return;
            }
            management.executeJob(due.get(0).getId());
        }
        throw new AssertionError("jobs keep coming in " + processInstanceId);
    }

    /** Kind and recipient of each message about the task, as the outbox keys them. */
    private static List<String> messagesAbout(ConfigurableApplicationContext app, Task task) {
        return app.getBean(JdbcClient.class).sql("select idempotency_key from outbox_message where idempotency_key"
                        + " like ?").param("%:" + task.getId() + ":%").query(String.class).list().stream()
                .map(key -> key.substring(0, key.indexOf(':')) + " " + key.substring(key.lastIndexOf(':') + 1))
                .toList();
    }

    private static List<String> milestones(ConfigurableApplicationContext app, String processInstanceId) {
        return app.getBean(JdbcClient.class).sql("select kind || ' ' || status || ' ' || coalesce(cast(held_on as"
                        + " varchar(10)), '-') from program_milestone where process_instance_id = ? order by id")
                .param(processInstanceId).query(String.class).list();
    }

    private static Task open(TaskService tasks, String key) {
        List<Task> open = tasks.createTaskQuery().taskDefinitionKey(key).list();
        assertThat(open).as("one open %s", key).hasSize(1);
        return open.get(0);
    }

    /** Submits the task's form on its page, as the coordinator would, and expects it done. */
    private static void complete(BrowserlessSession session, Task task, String form) {
        String path = "/tasks/" + task.getId();
        HttpResponse<String> page = session.get(path);
        assertThat(page.statusCode()).as("%s opens", task.getName()).isEqualTo(200);
        HttpResponse<String> done = session.post(path, form, page.body());
        assertThat(done.headers().firstValue("Location").map(URI::create).map(URI::getPath))
                .as("%s completed (answer %s)", task.getName(), done.statusCode()).contains("/tasks");
    }

    /** What must survive the upgrade unchanged, read the same way from the old file and the upgraded one. */
    private static Map<String, List<String>> records(JdbcClient jdbc) {
        Map<String, List<String>> records = new TreeMap<>();
        records.put("process instances and their model versions", rows(jdbc, "select id_ || ' ' || proc_def_id_"
                + " || ' ' || coalesce(business_key_, '-') from act_ru_execution where id_ = proc_inst_id_ order by id_"));
        records.put("engine tasks", rows(jdbc, "select id_ || ' ' || task_def_key_ || ' ' || proc_inst_id_ || ' '"
                + " || coalesce(assignee_, '-') from act_ru_task order by id_"));
        // A timer start event (the daily digest) is replaced by the timer of its new model version, as Camunda does.
        records.put("timers and jobs of process instances", rows(jdbc, "select id_ || ' ' || process_instance_id_"
                + " || ' ' || coalesce(cast(duedate_ as varchar(40)), '-') from act_ru_job"
                + " where process_instance_id_ is not null order by id_"));
        records.put("open tasks", rows(jdbc, "select task_id || ' ' || task_key from open_task order by task_id"));
        records.put("offers", rows(jdbc, "select task_id || ' ' || group_id || ' ' || school_id from open_task_offer"
                + " order by task_id, group_id, school_id"));
        records.put("milestones", rows(jdbc, "select id || ' ' || kind || ' ' || sequence_no || ' ' || status || ' '"
                + " || coalesce(cast(held_on as varchar(10)), '-') || ' ' || coalesce(attendee_count, -1)"
                + " from program_milestone order by id"));
        records.put("meeting minutes and participants", rows(jdbc, "select 'minutes ' || count(*) from meeting_minutes"
                + " union all select 'participants ' || count(*) from meeting_participant"));
        records.put("messages", rows(jdbc, "select id || ' ' || kind || ' ' || status || ' ' || idempotency_key"
                + " from outbox_message order by id"));
        records.put("disclosures", rows(jdbc, "select id || ' ' || student_id || ' ' || caregiver_id || ' ' || kind"
                + " || ' ' || channel || ' ' || family_message_id from disclosure_log order by id"));
        records.put("family messages", rows(jdbc, "select id || ' ' || kind || ' ' || status from family_message"
                + " order by id"));
        records.put("people", rows(jdbc, "select 'staff ' || count(*) from staff_member"
                + " union all select 'students ' || count(*) from student"
                + " union all select 'caregivers ' || count(*) from caregiver"
                + " union all select 'accounts ' || count(*) from act_id_user"));
        records.put("terms", rows(jdbc, "select id || ' ' || school_id || ' ' || starts_on || ' ' || ends_on"
                + " from school_term order by id"));
        assertThat(records).as("the old database holds work of every kind")
                .allSatisfy((what, rows) -> assertThat(rows).as(what).isNotEmpty());
        assertThat(records.get("engine tasks")).hasSize(3);
        return records;
    }

    private static List<String> rows(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(String.class).list();
    }

    /** Applied versions, as Flyway writes them (V9_5 is 9.5), in order. */
    private static List<String> migrations(JdbcClient jdbc) {
        return rows(jdbc, "select \"version\" from \"tandem_schema_history\" where \"success\" and \"version\" is not null")
                .stream().sorted(UpgradeTest::byVersion).toList();
    }

    private static List<String> shippedMigrations() {
        try {
            TreeSet<String> versions = new TreeSet<>(UpgradeTest::byVersion);
            for (Resource script : new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/*.sql")) {
                Matcher name = MIGRATION.matcher(script.getFilename());
                if (name.matches()) {
                    versions.add(name.group(1).replace('_', '.'));
                }
            }
            return List.copyOf(versions);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int byVersion(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            int compared = Integer.compare(i < left.length ? Integer.parseInt(left[i]) : 0,
                    i < right.length ? Integer.parseInt(right[i]) : 0);
            if (compared != 0) {
                return compared;
            }
        }
        return 0;
    }

    /** The new release starts where the old one stopped, so its open tasks are still to be done on time. */
    private static void pinClockToWhenTheOldReleaseStopped(JdbcClient old) {
        Timestamp last = old.sql("select max(start_time_) from act_hi_actinst").query(Timestamp.class).single();
        ClockUtil.setCurrentTime(new Date(last.getTime() + 60_000));
    }

    private static ZoneId zone(ConfigurableApplicationContext app) {
        return app.getBean(DistrictClock.class).zone();
    }

    private static InputStream resource(String name) {
        InputStream in = UpgradeTest.class.getResourceAsStream("/upgrade/" + name);
        assertThat(in).as("src/test/resources/upgrade/%s (made by .ci/make-upgrade-fixture)", name).isNotNull();
        return in;
    }

    private static void unzip(InputStream zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(zip)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(into)).as("%s stays in the folder", entry.getName()).isTrue();
                Files.copy(in, target);
            }
        }
        assertThat(into.resolve("tandem.mv.db")).isRegularFile();
    }

    private static void requirePsql() throws InterruptedException {
        try {
            psql("--version");
        } catch (IllegalStateException | IOException e) {
            String reason = "Skipped the PostgreSQL upgrade: psql is not on the PATH (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(reason + " (CI=true, so this is a failure, not a skip)");
            }
            System.out.println(reason);
            Assumptions.abort(reason);
        }
    }

    private static void psql(String... arguments) throws IOException, InterruptedException {
        URI server = URI.create(ExternalServiceCondition.PG_URL.substring("jdbc:".length()));
        String database = server.getPath().substring(1);
        List<String> command = new ArrayList<>(List.of("psql", "--no-psqlrc", "--host=" + server.getHost(),
                "--port=" + (server.getPort() < 0 ? 5432 : server.getPort()),
                "--username=" + ExternalServiceCondition.PG_USER, "--dbname=" + database));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", ExternalServiceCondition.PG_PASSWORD);
        Path output = Files.createTempFile("psql", ".log");
        try {
            Process process = builder.redirectOutput(output.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("psql failed: " + Files.readString(output));
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
