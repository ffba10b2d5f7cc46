package app.tandem.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.TaskService;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import app.tandem.directory.Role;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;

/**
 * Scenarios 2 and 4 at the size the launch scenario left (1,800 schools, one open task each plus the
 * programs started by the bare engine): the inbox page for a coordinator of five schools and for a
 * manager, beside the bare engine's task query; the district dashboard and one school's term page.
 */
final class PageScenario {

    private static final int WARMUP = 10;
    private static final int REQUESTS = 100;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private PageScenario() {
    }

    static void run(ConfigurableApplicationContext app, String database, long districtId, BenchReport report)
            throws IOException, InterruptedException {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        StaffDirectory staff = app.getBean(StaffDirectory.class);
        TaskService tasks = app.getBean(TaskService.class);
        List<Long> schools = jdbc.queryForList("select id from school where district_id = ? order by id", Long.class,
                districtId);
        staff.add(new StaffMember("bench-coordinator", districtId, "Bench Coordinator", "c@bench.example", "en"),
                "bench", Set.of(Role.COORDINATOR), schools.subList(0, 5));
        staff.add(new StaffMember("bench-manager", districtId, "Bench Manager", "m@bench.example", "en"),
                "bench", Set.of(Role.MANAGER), schools);
        long openTasks = tasks.createTaskQuery().count();
        String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        long termId = jdbc.queryForObject("select min(t.id) from school_term t join school s on s.id = t.school_id "
                + "where s.district_id = ?", Long.class, districtId);

        HttpClient coordinator = signedIn(base, "bench-coordinator");
        HttpClient manager = signedIn(base, "bench-manager");
        Sample engineQuery = time(() -> {
            tasks.createTaskQuery().taskCandidateGroup(Role.COORDINATOR.groupId()).active().count();
            tasks.createTaskQuery().taskCandidateGroup(Role.COORDINATOR.groupId()).active().orderByDueDate().asc()
                    .listPage(0, 20);
            return true;
        });
        Sample coordinatorInbox = time(() -> get(coordinator, base + "/tasks?view=group"));
        Sample managerInbox = time(() -> get(manager, base + "/tasks?view=district"));
        Sample district = time(() -> get(manager, base + "/dashboard"));
        Sample term = time(() -> get(manager, base + "/dashboard/terms/" + termId));

        String size = openTasks + " open tasks";
        report.add(new Result("2. Inbox", database, "coordinator (5 schools), group tasks page, p95, " + size, "ms",
                coordinatorInbox.percentile(95), coordinatorInbox.median(), coordinatorInbox.max(), REQUESTS,
                "engine task query p95 " + String.format(java.util.Locale.ROOT, "%.1f ms", engineQuery.percentile(95)),
                coordinatorInbox.percentile(95) / engineQuery.percentile(95), "p95 < 50 ms",
                coordinatorInbox.percentile(95) < 50));
        report.add(new Result("2. Inbox", database, "manager, whole district page, p95, " + size, "ms",
                managerInbox.percentile(95), managerInbox.median(), managerInbox.max(), REQUESTS, null, null,
                "p95 < 50 ms", managerInbox.percentile(95) < 50));
        report.add(new Result("4. Dashboard", database, "district view, 1,800 schools, p95", "ms",
                district.percentile(95), district.median(), district.max(), REQUESTS, null, null, "p95 < 200 ms",
                district.percentile(95) < 200));
        report.add(new Result("4. Dashboard", database, "one school's term page and timeline, p95", "ms",
                term.percentile(95), term.median(), term.max(), REQUESTS, null, null, "p95 < 200 ms",
                term.percentile(95) < 200));
        report.note("Scenarios 2 and 4 ran at " + size + " on " + database
                + "; the median stands in the spread column's low end. The 100,000 and 500,000 task sizes need a bulk "
                + "generator that writes the engine's and the tasklist's tables directly (not built yet).");
    }

    private static Sample time(Supplier<Boolean> request) {
        for (int i = 0; i < WARMUP; i++) {
            request.get();
        }
        Sample sample = new Sample();
        for (int i = 0; i < REQUESTS; i++) {
            long started = System.nanoTime();
            if (!request.get()) {
                throw new IllegalStateException("a page did not answer 200");
            }
            sample.add((System.nanoTime() - started) / 1e6);
        }
        return sample;
    }

    private static boolean get(HttpClient client, String url) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpClient signedIn(String base, String username) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = CSRF.matcher(login);
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String form = "username=" + username + "&password=bench&_csrf="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in refused for " + username);
        }
        return client;
    }
}
