package app.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.tandem.TandemApplication;
import app.tandem.program.SchoolProgram;
import app.tandem.testsupport.BrowserlessSession;

/** What a new user gets from {@code ./mvnw spring-boot:run}, started twice on the same database file. */
class TandemStartupTest {

    @TempDir
    Path data;

    @Test
    void shouldDeployEveryModelAndFormAndSeedTheDemoDistrictOnce() throws IOException {
        Map<String, String> firstStart;
        try (ConfigurableApplicationContext app = start()) {
            assertThat(app.getEnvironment().getProperty("spring.datasource.url")).contains(data.toString());
            assertThat(deployedResources(app)).containsAll(filesIn("processes", "forms"));
            firstStart = programsBySchool(app);
            assertThat(firstStart).containsOnlyKeys("maple", "riverside", "cedar");
            assertThat(firstStart.values()).as("one school at each phase").containsExactlyInAnyOrder(
                    SchoolProgram.SCHEDULE_ALIGNMENT_MEETING, SchoolProgram.HOLD_CHECK_IN,
                    SchoolProgram.PREPARE_IMPACT_SUMMARY);
            assertThat(firstStart).containsEntry("maple", SchoolProgram.SCHEDULE_ALIGNMENT_MEETING)
                    .containsEntry("riverside", SchoolProgram.HOLD_CHECK_IN)
                    .containsEntry("cedar", SchoolProgram.PREPARE_IMPACT_SUMMARY);
            assertThat(counts(app)).containsExactly(1, 3, 12, 3, 30, 31);
            assertThat(app.getBean(ProcessEngine.class).getIdentityService()
                    .checkPassword("coordinator", "demo")).isTrue();
            assertThat(engineRestStatus(app, null)).as("REST without an account").isEqualTo(401);
            assertThat(engineRestStatus(app, "coordinator:demo")).as("REST for a coordinator").isEqualTo(401);
            assertThat(engineRestStatus(app, "admin:demo")).as("REST for an operator").isEqualTo(200);
            assertCamundaWebappsAreForOperatorsOnly(app);
        }

        try (ConfigurableApplicationContext app = start()) {
            assertThat(counts(app)).as("a second start adds nothing").containsExactly(1, 3, 12, 3, 30, 31);
            assertThat(programsBySchool(app)).isEqualTo(firstStart);
            assertThat(app.getBean(ProcessEngine.class).getRepositoryService().createDeploymentQuery().count())
                    .as("unchanged models are not deployed again").isEqualTo(1);
        }
    }

    private ConfigurableApplicationContext start() {
        // Command-line arguments: default properties would lose to application.yaml and use ./data.
        return new SpringApplicationBuilder(TandemApplication.class)
                .run("--spring.datasource.url=jdbc:h2:file:" + data.resolve("tandem") + ";DB_CLOSE_ON_EXIT=FALSE",
                        "--tandem.backup.folder=" + data.resolve("backups"),
                        "--server.port=0",
                        "--tandem.mail.embedded.port=0", "--tandem.mail.embedded.imap-port=0",
                        "--tandem.demo.enabled=true");
    }

    private void assertCamundaWebappsAreForOperatorsOnly(ConfigurableApplicationContext app) {
        String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> anonymous = BrowserlessSession.anonymous(base).get("/camunda/app/cockpit/default/");
        assertThat(anonymous.statusCode()).as("Cockpit without an account").isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/login");

        assertThat(BrowserlessSession.signIn(base, "coordinator", "demo").get("/camunda/app/cockpit/default/")
                .statusCode()).as("Cockpit for a coordinator").isEqualTo(403);

        BrowserlessSession operator = BrowserlessSession.signIn(base, "admin", "demo");
        assertThat(operator.get("/camunda/app/cockpit/default/").statusCode()).as("Cockpit for an operator")
                .isEqualTo(200);
        HttpResponse<String> who = operator.get("/camunda/api/admin/auth/user/default");
        assertThat(who.statusCode()).isEqualTo(200);
        assertThat(who.body()).as("the webapps know the operator from Tandem's sign-in").contains("\"userId\":\"admin\"");
    }

    private int engineRestStatus(ConfigurableApplicationContext app, String credentials) {
        String port = app.getEnvironment().getProperty("local.server.port");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task"));
        if (credentials != null) {
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Integer> counts(ConfigurableApplicationContext app) {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        return Stream.of("district", "school", "staff_member", "school_term", "student", "caregiver")
                .map(table -> jdbc.sql("select count(*) from " + table).query(Integer.class).single())
                .toList();
    }

    private Map<String, String> programsBySchool(ConfigurableApplicationContext app) {
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        Map<String, String> activities = new TreeMap<>();
        for (ProcessInstance pi : engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(SchoolProgram.PROCESS_KEY).list()) {
            // The work a person does there now; timers beside it (the caregivers' introduction) and a manager's
            // follow-up of a meeting held late are not a phase.
            List<String> open = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).list().stream()
                    .map(org.camunda.bpm.engine.task.Task::getTaskDefinitionKey).distinct()
                    .filter(key -> !key.equals(SchoolProgram.FOLLOW_UP_OVERDUE_ALIGNMENT_MEETING)).toList();
            assertThat(open).hasSize(1);
            activities.put(pi.getBusinessKey().substring(0, pi.getBusinessKey().indexOf('/')), open.get(0));
        }
        return activities;
    }

    private List<String> deployedResources(ConfigurableApplicationContext app) {
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        return engine.getRepositoryService().createDeploymentQuery().list().stream()
                .flatMap(d -> engine.getRepositoryService().getDeploymentResourceNames(d.getId()).stream())
                .map(name -> name.substring(name.lastIndexOf('/') + 1))
                .collect(Collectors.toList());
    }

    private static List<String> filesIn(String... folders) throws IOException {
        List<String> names = new java.util.ArrayList<>();
        for (String folder : folders) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                files.map(f -> f.getFileName().toString()).forEach(names::add);
            }
        }
        assertThat(names).isNotEmpty();
        return names;
    }
}
