package app.tandem.system.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Base64;

import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.tandem.TandemApplication;
import app.tandem.testsupport.LocalServers;

/**
 * Tandem started as production runs it ({@code prod}: no embedded mail server, the job executor on), with a mail
 * relay that does not answer, on a database a test can take away: a load balancer keeps the node while the relay is
 * away, and takes it out when the database is.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HealthGroupsTest {

    private static final String OPERATOR = "ops:ops-password";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Server database;
    private static ConfigurableApplicationContext app;
    private static String base;

    @BeforeAll
    static void start() throws SQLException {
        database = Server.createTcpServer("-tcpPort", String.valueOf(LocalServers.freePort()), "-ifNotExists").start();
        app = new SpringApplicationBuilder(TandemApplication.class)
                .profiles("prod")
                .run("--spring.datasource.url=jdbc:h2:tcp://127.0.0.1:" + database.getPort()
                                + "/mem:health-groups;DB_CLOSE_DELAY=-1",
                        "--spring.datasource.hikari.connection-timeout=1000",
                        "--server.port=0",
                        "--server.servlet.session.cookie.secure=false",
                        "--tandem.mail.host=127.0.0.1",
                        "--tandem.mail.port=" + LocalServers.freePort(),
                        "--tandem.mail.start-tls=false",
                        "--camunda.bpm.admin-user.id=ops",
                        "--camunda.bpm.admin-user.password=ops-password");
        base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        database.stop();
    }

    @Test
    @Order(1)
    void shouldStayReadyWhileTheMailRelayIsAwayAndSayWhereItIsDegraded() throws Exception {
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);

        HttpResponse<String> overall = get("/actuator/health", OPERATOR);
        assertThat(overall.statusCode()).as("the overall health is not down").isEqualTo(200);
        JsonNode health = JSON.readTree(overall.body());
        assertThat(health.at("/status").asText()).isEqualTo("DEGRADED");
        assertThat(health.at("/components/mailServer/status").asText()).isEqualTo("DEGRADED");
        assertThat(health.at("/components/mailServer/details/relay").asText()).isEqualTo("DOWN");
        assertThat(health.at("/components/mailServer/details/reason").asText()).contains("Connection refused");
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");

        HttpResponse<String> operations = get("/actuator/health/operations", OPERATOR);
        assertThat(operations.statusCode()).as("what an operator alerts on").isEqualTo(503);
        assertThat(JSON.readTree(operations.body()).at("/components/mailServer/status").asText()).isEqualTo("DEGRADED");

        assertThat(get("/actuator/prometheus", OPERATOR).body())
                .contains("tandem_health_up{application=\"tandem\",component=\"mailServer\"} 0.0")
                .contains("tandem_health_up{application=\"tandem\",component=\"jobBacklog\"} 1.0");
    }

    @Test
    @Order(2)
    void shouldLeaveServiceWhenTheDatabaseIsAway() throws Exception {
        database.stop();

        HttpResponse<String> readiness = get("/actuator/health/readiness", null);
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(readiness.body()).at("/status").asText()).isEqualTo("DOWN");
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(503);
    }

    private static HttpResponse<String> get(String path, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (credentials != null) {
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
