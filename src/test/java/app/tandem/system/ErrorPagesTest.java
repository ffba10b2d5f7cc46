package app.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import app.tandem.TandemTest;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.program.ProgramFixture;

import jakarta.servlet.RequestDispatcher;

/** What a person sees when something goes wrong: the layout, a plain sentence in their language, a way back. */
@TandemTest
class ErrorPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffDirectory staff;
    @Autowired
    ProgramFixture fixture;
    @LocalServerPort
    int port;

    @Test
    void shouldExplainEachErrorInTheLayoutFromTheBundles() throws Exception {
        assertThat(errorPage(404, "en").select("h1").text()).isEqualTo("Not found");
        assertThat(errorPage(403, "en").select("h1").text()).isEqualTo("Not allowed");
        assertThat(errorPage(500, "en").select("h1").text()).isEqualTo("Something went wrong");
        assertThat(errorPage(400, "en").select("h1").text()).isEqualTo("That did not work");
        Document spanish = errorPage(404, "es");
        assertThat(spanish.select("h1").text()).isEqualTo("No encontrado");
        assertThat(spanish.select("main a.btn").text()).isEqualTo("Volver a sus tareas");
        assertThat(spanish.select("nav .navbar-brand").text()).isEqualTo("Tandem");
    }

    @Test
    void shouldShowTheNotFoundPageForATaskThatIsNotThere() throws Exception {
        if (staff.byUsername("errors-coordinator").isEmpty()) {
            School school = fixture.newSchool();
            staff.add(new StaffMember("errors-coordinator", school.districtId(), "Erin Errors", "erin@example.org", "en"),
                    "secret", Set.of(Role.COORDINATOR), List.of(school.id()));
        }
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = browser.send(request("/login").build(), HttpResponse.BodyHandlers.ofString()).body();
        String token = Jsoup.parse(login).select("input[name=_csrf]").val();
        browser.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=errors-coordinator&password=secret&_csrf="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.discarding());

        HttpResponse<String> missing = browser.send(request("/tasks/no-such-task").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(missing.statusCode()).isEqualTo(404);
        Document page = Jsoup.parse(missing.body());
        assertThat(page.select("h1").text()).isEqualTo("Not found");
        assertThat(page.select(".navbar-text").text()).as("still signed in, in the layout").isEqualTo("errors-coordinator");
    }

    private Document errorPage(int status, String language) throws Exception {
        return Jsoup.parse(mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/tasks/x")
                        .header("Accept-Language", language).accept("text/html")
                        .with(user("someone").roles("coordinators")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html");
    }
}
