package app.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import app.tandem.TandemTest;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.program.ProgramFixture;

/** The sign-in and the guards around it, over MockMvc and over real HTTP where a servlet filter decides. */
@TandemTest
@ExtendWith(OutputCaptureExtension.class)
class WebSecurityTest {

    private static final String PASSWORD = "Correct-Horse-7";

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffDirectory staff;
    @Autowired
    ProgramFixture fixture;
    @LocalServerPort
    int port;

    @BeforeEach
    void accounts() {
        if (staff.byUsername("security-operator").isEmpty()) {
            School school = fixture.newSchool();
            staff.add(new StaffMember("security-operator", school.districtId(), "Olive Operator",
                    "operator@example.org", "en"), PASSWORD, Set.of(Role.OPERATOR), List.of());
            staff.add(new StaffMember("security-coordinator", school.districtId(), "Cody Coordinator",
                    "coordinator@example.org", "en"), PASSWORD, Set.of(Role.COORDINATOR), List.of(school.id()));
            // Camunda locks an account for a while after a wrong password: only this one gets them.
            staff.add(new StaffMember("security-guesser", school.districtId(), "Gus Guesser",
                    "guesser@example.org", "en"), PASSWORD, Set.of(Role.OPERATOR), List.of());
        }
    }

    @Test
    void shouldAnswerTheEngineRestApiOnlyToOperators() {
        assertThat(engineRest(null)).as("no account").isEqualTo(401);
        assertThat(engineRest("security-coordinator:" + PASSWORD)).as("a coordinator").isEqualTo(401);
        assertThat(engineRest("security-guesser:wrong")).as("an operator's wrong password").isEqualTo(401);
        assertThat(engineRest("security-operator:" + PASSWORD)).as("an operator").isEqualTo(200);
    }

    @Test
    void shouldLeaveCamundasWebappsToTheirOwnSignIn() {
        HttpResponse<String> welcome = http("/camunda/app/welcome/default/", null);
        assertThat(welcome.statusCode()).isEqualTo(200);
        assertThat(welcome.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void shouldGiveANewSessionIdOnSignIn() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();

        MvcResult result = mvc.perform(post("/login").session(session).with(csrf())
                        .param("username", "security-coordinator").param("password", PASSWORD))
                .andExpect(authenticated())
                .andReturn();

        assertThat(result.getRequest().getSession(false).getId()).isNotEqualTo(before);
    }

    @Test
    void shouldServePagesUnderAContentSecurityPolicyWithoutInlineScript() throws Exception {
        MvcResult result = mvc.perform(get("/tasks").with(user("security-coordinator").roles("coordinators")))
                .andExpect(header().string("Content-Security-Policy", WebSecurity.CONTENT_SECURITY_POLICY))
                .andReturn();

        Document page = Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("script")).isNotEmpty().allMatch(script -> script.hasAttr("src") && script.data().isBlank());
        assertThat(page.getAllElements()).noneMatch(WebSecurityTest::hasInlineHandler);
        assertThat(page.select("[style]")).isEmpty();
        assertThat(page.select("meta[name=_csrf]").attr("content")).isNotBlank();
    }

    @Test
    void shouldNeverLogAPassword(CapturedOutput output) throws Exception {
        mvc.perform(post("/login").with(csrf()).param("username", "security-coordinator").param("password", PASSWORD));
        mvc.perform(post("/login").with(csrf()).param("username", "security-guesser").param("password", "Wrong-9-x"));

        assertThat(output.getAll()).doesNotContain(PASSWORD).doesNotContain("Wrong-9-x");
    }

    private static boolean hasInlineHandler(Element element) {
        return element.attributes().asList().stream().anyMatch(attribute -> attribute.getKey().startsWith("on"));
    }

    private int engineRest(String credentials) {
        return http("/engine-rest/task", credentials).statusCode();
    }

    private HttpResponse<String> http(String path, String credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (credentials != null) {
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
