package app.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.TandemTest;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.program.ProgramFixture;

/**
 * Requests refused before any page of Tandem's runs, sent to the running server: Tomcat's own handling is what
 * is at stake, and MockMvc has no Tomcat.
 */
@TandemTest
class EdgeErrorPagesTest {

    private static final long OVER_THE_LIMIT = 51L * 1024 * 1024;

    @Autowired
    StaffDirectory staff;
    @Autowired
    ProgramFixture fixture;
    @LocalServerPort
    int port;

    @Test
    void shouldAnswerAnEncodedSlashOrBackslashWithTandemsPage() throws Exception {
        HttpClient browser = HttpClient.newHttpClient();
        for (String path : List.of("/tasks/..%2F..%2Fetc", "/tasks/..%5C..%5Cetc")) {
            HttpResponse<String> response = browser.send(request(path).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(path).isEqualTo(400);
            Document page = Jsoup.parse(response.body());
            assertThat(page.select("h1").text()).as(path).isEqualTo("That did not work");
            assertThat(page.select("nav .navbar-brand").text()).as("in Tandem's layout").isEqualTo("Tandem");
        }
    }

    @Test
    void shouldAnswerAnUploadOverTheLimitWithTandemsPageNamingTheLimit() throws Exception {
        HttpClient browser = signedInCoordinator();
        String form = browser.send(request("/family/import").build(), HttpResponse.BodyHandlers.ofString()).body();
        String token = Jsoup.parse(form).select("form[enctype] input[name=_csrf]").val();
        String boundary = "tandem-upload-limit";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"roster.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = browser.send(request("/family/import")
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new SequenceInputStream(new SequenceInputStream(new ByteArrayInputStream(head),
                                        new Letters(OVER_THE_LIMIT)), new ByteArrayInputStream(tail))),
                                head.length + OVER_THE_LIMIT + tail.length))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("h1").text()).isEqualTo("File too large");
        assertThat(page.select("main .lead").text()).contains("up to 50 MB");
        assertThat(page.select(".navbar-text").text()).as("still signed in, in the layout")
                .isEqualTo("edge-coordinator");
    }

    private HttpClient signedInCoordinator() throws Exception {
        if (staff.byUsername("edge-coordinator").isEmpty()) {
            School school = fixture.newSchool();
            staff.add(new StaffMember("edge-coordinator", school.districtId(), "Eddie Edge", "eddie@example.org", "en"),
                    "secret", Set.of(Role.COORDINATOR), List.of(school.id()));
        }
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = browser.send(request("/login").build(), HttpResponse.BodyHandlers.ofString()).body();
        String token = Jsoup.parse(login).select("input[name=_csrf]").val();
        browser.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=edge-coordinator&password=secret&_csrf="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.discarding());
        return browser;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html");
    }

    /** A file of the given size, made as it is read. */
    private static final class Letters extends InputStream {

        private long left;

        Letters(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            return left-- > 0 ? 'a' : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            Arrays.fill(buffer, offset, offset + n, (byte) 'a');
            left -= n;
            return n;
        }
    }
}
