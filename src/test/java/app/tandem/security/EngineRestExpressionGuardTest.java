package app.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.TandemTest;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.program.ProgramFixture;
import app.tandem.program.SchoolProgram;

/** The engine's REST API, called by an operator over HTTP: ordinary queries answered, expressions refused. */
@TandemTest
class EngineRestExpressionGuardTest {

    private static final String OPERATOR = "rest-operator";
    private static final String PASSWORD = "Rest-Operator-7";

    @Autowired
    ProcessEngine engine;
    @Autowired
    StaffDirectory staff;
    @Autowired
    ProgramFixture fixture;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void anOperatorAndTheEngineTheRestApiFinds() {
        if (staff.byUsername(OPERATOR).isEmpty()) {
            School school = fixture.newSchool();
            staff.add(new StaffMember(OPERATOR, school.districtId(), "Rhea Rest", "rhea@example.org", "en"), PASSWORD,
                    Set.of(Role.OPERATOR), List.of());
        }
        // The REST API looks its engine up in Camunda's static registry, which an application another test started
        // and closed in this JVM (TandemStartupTest) leaves without this context's engine.
        if (ProcessEngines.getProcessEngine(engine.getName()) != engine) {
            ProcessEngines.registerProcessEngine(engine);
        }
    }

    @Test
    void shouldRefuseAnExpressionInsideOrQueries() throws Exception {
        HttpResponse<String> response = post("/engine-rest/task",
                "{\"orQueries\":[{\"candidateGroupExpression\":\"${'coordinators'}\"}]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(response.body()).contains("\"type\":\"InvalidRequestException\"")
                .contains("candidateGroupExpression is refused");
    }

    @Test
    void shouldRefuseAnExpressionAsAQueryParameterOrDeepInAFiltersQuery() throws Exception {
        assertThat(get("/engine-rest/task?candidateGroupExpression="
                + URLEncoder.encode("${'coordinators'}", StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
        assertThat(get("/engine-rest/task/count?assignee%45xpression=x").statusCode()).as("an encoded name")
                .isEqualTo(400);
        assertThat(post("/engine-rest/filter/create", "{\"resourceType\":\"Task\",\"name\":\"Probe\","
                + "\"query\":{\"orQueries\":[{\"ASSIGNEEEXPRESSION\":\"${currentUser()}\"}]}}").statusCode())
                .as("any case, any depth").isEqualTo(400);
        assertThat(post("/engine-rest/task", "{\"name\":").statusCode()).as("a body that cannot be checked")
                .isEqualTo(400);
    }

    @Test
    void shouldAnswerAnOrdinaryQueryWithItsBodyIntact() throws Exception {
        HttpResponse<String> ordinary = post("/engine-rest/task/count",
                "{\"orQueries\":[{\"candidateGroup\":\"coordinators\"}],\"name\":\"${plain text, not evaluated}\"}");
        assertThat(ordinary.statusCode()).isEqualTo(200);
        assertThat(ordinary.body()).isEqualTo("{\"count\":0}");

        HttpResponse<String> read = post("/engine-rest/task",
                "{\"sorting\":[{\"sortBy\":\"no-such-column\",\"sortOrder\":\"asc\"}]}");
        assertThat(read.statusCode()).as("Camunda read the body the guard had read").isEqualTo(400);
        assertThat(read.body()).contains("NotValidException").contains("orderBy");

        assertThat(get("/engine-rest/task?candidateGroup=coordinators&maxResults=1").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldNeverTakeAJavaSerializedVariable() throws Exception {
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .isJavaSerializationFormatEnabled()).isFalse();
        String serializedString = "rO0ABXQABXByb2Jl";

        HttpResponse<String> response = post("/engine-rest/process-definition/key/" + SchoolProgram.PROCESS_KEY
                + "/start", "{\"businessKey\":\"java-serialization-probe\",\"variables\":{\"probe\":{"
                + "\"value\":\"" + serializedString + "\",\"type\":\"Object\",\"valueInfo\":{"
                + "\"objectTypeName\":\"java.lang.String\","
                + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}}");

        assertThat(response.statusCode()).isBetween(400, 599);
        assertThat(response.body()).containsIgnoringCase("java serialization format is prohibited");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey("java-serialization-probe").count()).isZero();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        String credentials = OPERATOR + ":" + PASSWORD;
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
}
