package app.tandem.security;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import app.tandem.TandemTest;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.program.ProgramFixture;

/**
 * The session cookie and the headers every page carries. The cookie is asked of the running server: Tomcat
 * writes its attributes, which MockMvc never calls.
 */
@TandemTest
class SessionAndHeadersTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffDirectory staff;
    @Autowired
    ProgramFixture fixture;
    @LocalServerPort
    int port;

    @Test
    void shouldKeepTheSessionCookieSameSiteLaxBeforeAndAfterSignIn() throws Exception {
        if (staff.byUsername("cookie-coordinator").isEmpty()) {
            School school = fixture.newSchool();
            staff.add(new StaffMember("cookie-coordinator", school.districtId(), "Cora Cookie", "cora@example.org", "en"),
                    "secret", Set.of(Role.COORDINATOR), List.of(school.id()));
        }
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        HttpResponse<String> login = browser.send(request("/login").build(), HttpResponse.BodyHandlers.ofString());
        String token = Jsoup.parse(login.body()).select("input[name=_csrf]").val();
        HttpResponse<Void> signedIn = browser.send(request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=cookie-coordinator&password=secret&_csrf="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.discarding());

        assertThat(sessionCookie(login)).contains("HttpOnly").contains("SameSite=Lax");
        assertThat(sessionCookie(signedIn)).as("the new session id of the signed-in person")
                .contains("HttpOnly").contains("SameSite=Lax");
    }

    @Test
    void shouldTellBrowsersToSendTheRefererToTandemAlone() throws Exception {
        assertThat(mvc.perform(get("/login")).andReturn().getResponse().getHeader("Referrer-Policy"))
                .isEqualTo("same-origin");
        assertThat(mvc.perform(get("/tasks").with(user("headers-coordinator").roles("coordinators")))
                .andReturn().getResponse().getHeader("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(mvc.perform(get("/rsvp/nonsense")).andReturn().getResponse().getHeader("Referrer-Policy"))
                .as("the public RSVP page too").isEqualTo("same-origin");
    }

    @Test
    void shouldAskForHttpsOnlyOnRequestsThatCameOverHttps() throws Exception {
        MockHttpServletResponse overHttps = mvc.perform(get("/login").secure(true)).andReturn().getResponse();
        MockHttpServletResponse overHttp = mvc.perform(get("/login")).andReturn().getResponse();

        assertThat(overHttps.getHeader("Strict-Transport-Security")).startsWith("max-age=");
        assertThat(overHttp.getHeader("Strict-Transport-Security")).isNull();
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html");
    }
}
