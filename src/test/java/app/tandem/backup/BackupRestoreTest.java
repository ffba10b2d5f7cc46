package app.tandem.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.tandem.TandemApplication;
import app.tandem.system.health.JobBacklog;
import app.tandem.testsupport.BrowserlessSession;

/**
 * The README's restore, on the embedded database: the demo district at work (programs, open tasks, mail sent and
 * disclosed by the job executor), a backup taken from the operators' page, work after it, Tandem stopped, the zip
 * unpacked into an empty data folder, Tandem started on it: everything as it was when the backup was taken.
 */
class BackupRestoreTest {

    @TempDir
    Path data;
    @TempDir
    Path restored;

    @Test
    void shouldBringBackEveryProgramTaskMessageAndDisclosureAsTheBackupHadThem() throws IOException {
        Map<String, List<String>> atBackup;
        Path zip;
        String claimedAfterwards;
        try (ConfigurableApplicationContext app = start(data)) {
            settle(app);
            atBackup = records(app);
            assertThat(atBackup.get("disclosures")).as("the demo's mail went out and was disclosed").isNotEmpty();
            assertThat(atBackup.get("open tasks")).isNotEmpty();

            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            assertThat(BrowserlessSession.signIn(base, "coordinator", "demo").get("/admin/backups").statusCode())
                    .as("backups are for operators").isEqualTo(404);
            BrowserlessSession operator = BrowserlessSession.signIn(base, "admin", "demo");
            HttpResponse<String> page = operator.get("/admin/backups");
            assertThat(page.body()).contains("No backup yet.");
            assertThat(operator.post("/admin/backups", "", page.body()).statusCode()).isEqualTo(302);
            String listed = operator.get("/admin/backups").body();
            assertThat(listed).contains("taken.").contains("<td class=\"text-break\">tandem-");
            try (var zips = Files.list(data.resolve("backups"))) {
                zip = zips.findFirst().orElseThrow();
            }
            assertThat(listed).contains(zip.getFileName().toString());

            claimedAfterwards = app.getBean(TaskService.class).createTaskQuery().taskUnassigned().list().get(0).getId();
            app.getBean(TaskService.class).claim(claimedAfterwards, "coordinator");
        }

        unzip(zip, restored);
        try (ConfigurableApplicationContext app = start(restored)) {
            assertThat(records(app)).isEqualTo(atBackup);
            assertThat(app.getBean(TaskService.class).createTaskQuery().taskId(claimedAfterwards).singleResult()
                    .getAssignee()).as("work after the backup is not in it").isNull();
        }
    }

    private ConfigurableApplicationContext start(Path folder) {
        return new SpringApplicationBuilder(TandemApplication.class)
                .run("--spring.datasource.url=jdbc:h2:file:" + folder.resolve("tandem") + ";DB_CLOSE_ON_EXIT=FALSE",
                        "--tandem.backup.folder=" + folder.resolve("backups"),
                        "--server.port=0",
                        "--tandem.mail.embedded.port=0", "--tandem.mail.embedded.imap-port=0",
                        "--tandem.demo.enabled=true");
    }

    /** Waits until the job executor has run every due job (the demo's mail) and the disclosures are written. */
    private static void settle(ConfigurableApplicationContext app) {
        JobBacklog jobs = app.getBean(JobBacklog.class);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
        int quiet = 0;
        while (quiet < 3) {
            assertThat(Instant.now()).as("due jobs run within three minutes").isBefore(giveUp);
            boolean idle = jobs.dueNow() == 0
                    && jdbc.sql("select count(*) from disclosure_log").query(Long.class).single() > 0;
            quiet = idle ? quiet + 1 : 0;
            sleep();
        }
    }

    /** What must come back, by id and state. */
    private static Map<String, List<String>> records(ConfigurableApplicationContext app) {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        RuntimeService runtime = app.getBean(RuntimeService.class);
        Map<String, List<String>> records = new TreeMap<>();
        records.put("programs", runtime.createProcessInstanceQuery().orderByProcessInstanceId().asc().list().stream()
                .map(pi -> pi.getBusinessKey() + " " + pi.getProcessDefinitionKey() + " at "
                        + runtime.getActiveActivityIds(pi.getId()))
                .toList());
        records.put("open tasks", jdbc.sql("select task_id || ' ' || task_key from open_task order by task_id")
                .query(String.class).list());
        records.put("engine tasks", app.getBean(TaskService.class).createTaskQuery().orderByTaskId().asc().list()
                .stream().map(task -> task.getId() + " " + task.getName() + " " + task.getAssignee()).toList());
        records.put("messages", jdbc.sql("select id || ' ' || kind || ' ' || status from outbox_message order by id")
                .query(String.class).list());
        records.put("disclosures", jdbc.sql("select id || ' ' || student_id || ' ' || caregiver_id from disclosure_log"
                + " order by id").query(String.class).list());
        records.put("staff, students, caregivers", List.of(
                String.valueOf(jdbc.sql("select count(*) from staff_member").query(Long.class).single()),
                String.valueOf(jdbc.sql("select count(*) from student").query(Long.class).single()),
                String.valueOf(jdbc.sql("select count(*) from caregiver").query(Long.class).single())));
        assertThat(records.get("programs")).isNotEmpty();
        return records;
    }

    /** As {@code unzip backup.zip -d folder} does. */
    private static void unzip(Path zip, Path folder) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = folder.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(folder)).as("%s stays in the folder", entry.getName()).isTrue();
                Files.createDirectories(target.getParent());
                Files.copy((InputStream) in, target);
            }
        }
        assertThat(folder.resolve("tandem.mv.db")).isRegularFile();
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
