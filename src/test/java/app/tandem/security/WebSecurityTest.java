package app.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import app.tandem.TandemTest;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.program.ProgramFixture;

/** The sign-in and the guards around it. */
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
    @Autowired
    ProcessEngine engine;
    @Autowired
    PasswordCheck passwords;

    @BeforeEach
    void accounts() {
        if (staff.byUsername("security-operator").isEmpty()) {
            School school = fixture.newSchool();
            staff.add(new StaffMember("security-operator", school.districtId(), "Olive Operator",
                    "operator@example.org", "en"), PASSWORD, Set.of(Role.OPERATOR), List.of());
            staff.add(new StaffMember("security-coordinator", school.districtId(), "Cody Coordinator",
                    "coordinator@example.org", "en"), PASSWORD, Set.of(Role.COORDINATOR), List.of(school.id()));
            // Wrong passwords make further attempts on the account wait: only this one gets them.
            staff.add(new StaffMember("security-guesser", school.districtId(), "Gus Guesser",
                    "guesser@example.org", "en"), PASSWORD, Set.of(Role.OPERATOR), List.of());
        }
    }

    /*
     * The rule itself, asked with the engine bean: over HTTP the REST filter finds its engine in
     * Camunda's static registry, which another test's application context may have emptied on close
     * (TandemStartupTest covers the filter over HTTP on an application of its own).
     */
    @Test
    void shouldLetOnlyOperatorsIntoTheEngineRestApi() {
        assertThat(engineRest(null)).as("no account").isFalse();
        assertThat(engineRest("security-coordinator:" + PASSWORD)).as("a coordinator").isFalse();
        assertThat(engineRest("security-guesser:wrong")).as("an operator's wrong password").isFalse();
        assertThat(engineRest("security-operator:" + PASSWORD)).as("an operator").isTrue();
    }

    @Test
    void shouldSlowPasswordGuessingOnTheRestApiAsOnTheSignInPage() {
        String operator = SignInSteps.unique("rest-operator");
        staff.add(new StaffMember(operator, fixture.newSchool().districtId(), "Rita Rest", operator + "@example.org",
                "en"), PASSWORD, Set.of(Role.OPERATOR), List.of());
        String guesser = SignInSteps.address();

        for (int guess = 1; guess <= 20; guess++) {
            assertThat(engineRest(operator + ":guess-" + guess, guesser)).isFalse();
        }

        assertThat(engineRest(operator + ":" + PASSWORD, guesser)).as("the right password, from the guessing address")
                .isFalse();
        assertThat(engineRest(operator + ":" + PASSWORD, SignInSteps.address())).as("from another address").isTrue();
    }

    @Test
    void shouldLeaveTheRestApiToItsOwnSignIn() throws Exception {
        String location = mvc.perform(get("/engine-rest/task")).andReturn().getResponse().getHeader("Location");
        assertThat(location).as("REST clients are not sent to Tandem's sign-in").isNull();
        assertThat(mvc.perform(post("/engine-rest/task")).andReturn().getResponse().getStatus())
                .as("no CSRF token asked of REST clients").isNotEqualTo(403);
    }

    @Test
    void shouldServeTheSignInPagesStylesAndScriptsToAnyone() throws Exception {
        org.jsoup.nodes.Document login = org.jsoup.Jsoup.parse(
                mvc.perform(get("/login")).andReturn().getResponse().getContentAsString());
        List<String> assets = new java.util.ArrayList<>(login.select("link[rel=stylesheet]").eachAttr("href"));
        assets.addAll(login.select("script[src]").eachAttr("src"));
        assertThat(assets).contains("/static/css/tandem.css", "/static/js/tandem.js")
                .anyMatch(href -> href.startsWith("/webjars/bootstrap/"));
        for (String asset : assets) {
            assertThat(mvc.perform(get(asset)).andReturn().getResponse().getStatus()).as(asset).isEqualTo(200);
        }
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

    private boolean engineRest(String credentials) {
        return engineRest(credentials, "127.0.0.1");
    }

    private boolean engineRest(String credentials, String clientAddress) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task");
        request.setRemoteAddr(clientAddress);
        if (credentials != null) {
            request.addHeader("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return new OperatorsOnlyBasicAuth(passwords).extractAuthenticatedUser(request, engine).isAuthenticated();
    }
}
