package app.tandem.tasklist;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.AriaRole;

import app.tandem.TandemTest;
import app.tandem.directory.Role;
import app.tandem.family.CaregiverProcesses;
import app.tandem.program.SchoolProgram;
import app.tandem.system.DistrictClock;
import app.tandem.tasklist.TasklistFixture.SchoolAtWork;
import app.tandem.testsupport.ExternalServiceCondition;
import app.tandem.testsupport.RequiresBrowser;

/**
 * A coordinator's morning in a real browser: sign in, claim the alignment meeting from the group's
 * list without a reload, send its form with a required field missing, fix it, complete it, find it
 * under Completed, and see that the program has moved on.
 */
@TandemTest
@RequiresBrowser
class TasklistJourneyTest {

    @LocalServerPort
    int port;
    @Autowired
    TasklistFixture fixture;
    @Autowired
    RuntimeService runtime;
    @Autowired
    DistrictClock clock;
    @Autowired
    ManagementService management;

    Playwright playwright;
    Browser browser;
    Page page;

    @BeforeEach
    void openBrowser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(ExternalServiceCondition.chromium()))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
        // A phone: the journey has to work on the screen most coordinators carry.
        page = browser.newPage(new Browser.NewPageOptions().setViewportSize(390, 844));
    }

    @AfterEach
    void closeBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void shouldTakeACoordinatorFromSignInToACompletedAlignmentMeeting() {
        SchoolAtWork school = fixture.school();
        String coordinator = fixture.person("coordinator", "Alex Journey", Set.of(Role.COORDINATOR), school.school());
        Task meeting = fixture.scheduled(school);
        List<String> errors = new ArrayList<>();
        page.onPageError(errors::add);
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                errors.add(message.text());
            }
        });

        page.navigate(url("/"));
        page.getByLabel("Username").fill(coordinator);
        page.getByLabel("Password").fill("secret");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Tasks"))).isVisible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Group tasks")).click();
        Locator row = page.locator("#task-" + meeting.getId());
        assertThat(row).containsText("Hold the alignment meeting");
        assertThat(row).containsText(school.school().name());
        page.evaluate("() => window.sameDocument = true");
        Locator claim = row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Claim Hold the alignment meeting"));
        claim.scrollIntoViewIfNeeded();
        assertThat(claim).isInViewport();
        Request claimed = page.waitForRequest(request -> request.url().endsWith("/claim"), claim::click);
        assertThat(claimed.headers()).as("htmx sends the CSRF token from the page's meta tag")
                .containsKey("x-csrf-token").containsEntry("hx-request", "true");
        assertThat(row.getByRole(AriaRole.BUTTON)).hasText("Unclaim");
        assertThat(page.locator("#count-mine")).hasText("1");
        assertThat(page.locator("#notice")).containsText("You claimed");
        assertThat(page.evaluate("() => window.sameDocument === true")).as("claimed without a reload").isEqualTo(true);

        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Hold the alignment meeting")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Hold the alignment meeting")
                .setLevel(1))).isVisible();
        page.getByLabel("Leader " + number(school)).check();
        page.getByLabel("Data sharing on student progress").check();
        page.getByLabel("Notes").fill("Tutoring fits the intervention block.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete the task")).click();

        assertThat(page.locator("#error-summary")).containsText("Held on: is required.");
        assertThat(page.locator("#field-heldOn")).hasClass(Pattern.compile("is-invalid"));
        assertThat(page.getByLabel("Notes")).hasValue("Tutoring fits the intervention block.");
        assertThat(page.getByLabel("Leader " + number(school))).isChecked();

        page.locator("#field-heldOn").fill(clock.today().toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete the task")).click();
        assertThat(page.locator("#notice")).containsText("\u201cHold the alignment meeting\u201d is done.");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Completed by me")).click();
        page.locator("#task-" + meeting.getId()).getByRole(AriaRole.LINK).click();
        assertThat(page.locator("#completed-by")).containsText("Completed by Alex Journey");
        assertThat(page.locator("#answers")).containsText("Tutoring fits the intervention block.");

        String programId = school.program().processInstanceId();
        assertThat(runtime.getActiveActivityIds(programId))
                .as("the caregivers' introduction is left to a job").containsExactly(
                        CaregiverProcesses.INTRODUCE_PROGRAM_TO_CAREGIVERS);
        management.executeJob(management.createJobQuery().processInstanceId(programId)
                .activityId(CaregiverProcesses.INTRODUCE_PROGRAM_TO_CAREGIVERS).singleResult().getId());
        assertThat(runtime.getActiveActivityIds(programId))
                .as("the program waits for the term to start").containsExactly(SchoolProgram.TERM_STARTS);
        assertThat(errors).as("nothing refused by the Content-Security-Policy or broken in scripts").isEmpty();
    }

    /**
     * WCAG 2.1.1: a task form can be completed with the keyboard alone. From the top of the task page, Tab
     * reaches every field in order; the person types the day, ticks the first box of each group with Space,
     * and sends the form with Enter on its button.
     */
    @Test
    void shouldLetACoordinatorCompleteATaskFormWithTheKeyboardAlone() {
        SchoolAtWork school = fixture.school();
        String coordinator = fixture.person("coordinator", "Kim Keys", Set.of(Role.COORDINATOR), school.school());
        Task meeting = fixture.scheduled(school);
        page.navigate(url("/login"));
        page.getByLabel("Username").fill(coordinator);
        page.getByLabel("Password").fill("secret");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Tasks"))).isVisible();
        page.navigate(url("/tasks/" + meeting.getId()));

        java.util.Set<String> ticked = new java.util.HashSet<>();
        boolean sent = false;
        for (int press = 0; press < 120 && !sent; press++) {
            page.keyboard().press("Tab");
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> focused = (java.util.Map<String, Object>) page.evaluate("() => { const e = "
                    + "document.activeElement; return {tag: e.tagName, type: e.type || '', name: e.name || '', "
                    + "value: e.value || '', text: (e.innerText || '').trim(), inForm: !!e.closest('form.task-form, "
                    + "#task-form, form[data-task-form]') || !!e.closest('form') }; }");
            String type = String.valueOf(focused.get("type"));
            String name = String.valueOf(focused.get("name"));
            if ("date".equals(type) && String.valueOf(focused.get("value")).isEmpty()) {
                java.time.LocalDate today = clock.today();
                page.keyboard().type(String.format("%02d%02d%d", today.getMonthValue(), today.getDayOfMonth(),
                        today.getYear()));
            } else if ("checkbox".equals(type) && ticked.add(name)) {
                page.keyboard().press("Space");
            } else if ("BUTTON".equals(focused.get("tag")) && "Complete the task".equals(focused.get("text"))) {
                page.keyboard().press("Enter");
                sent = true;
            }
        }

        assertThat(sent).as("Tab reached the form's button").isTrue();
        assertThat(page.locator("#notice")).containsText("\u201cHold the alignment meeting\u201d is done.");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String number(SchoolAtWork school) {
        return school.school().code().substring("school-".length());
    }
}
