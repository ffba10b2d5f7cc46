package app.tandem.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

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

import app.tandem.TandemTest;
import app.tandem.demo.DemoSeed;
import app.tandem.testsupport.ExternalServiceCondition;
import app.tandem.testsupport.RequiresBrowser;

/** A manager signs in with the demo data and reads the dashboard, a school's timeline and its charts. */
@TandemTest
@RequiresBrowser
class DashboardBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    DemoSeed demo;

    private Playwright playwright;
    private Browser browser;
    private Page page;

    @BeforeEach
    void openBrowser() {
        demo.seed();
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(ExternalServiceCondition.chromium()))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
        page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 1000));
        page.navigate("http://localhost:" + port + "/login");
        page.getByLabel("Username").fill("manager");
        page.getByLabel("Password").fill("demo");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void shouldShowTheThreeDemoSchoolsInDifferentPhasesWithTheirIndicatorsAndCharts() {
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Dashboard")).click();

        assertThat(page.locator("h1")).hasText("Dashboard");
        assertThat(page.locator("#schools tbody tr")).hasCount(3);
        assertThat(row("maple").locator("td.phase")).hasText("Alignment");
        assertThat(row("riverside").locator("td.phase")).hasText("Term under way");
        assertThat(row("cedar").locator("td.phase")).hasText("Close-out");
        assertThat(row("maple").locator("td[data-indicator='4d.1']")).hasText("No data yet");
        assertThat(row("riverside").locator("td[data-indicator='4d.1']")).hasText("Met");
        assertThat(row("riverside").locator("td[data-indicator='4d.2']")).hasText("50 % 1 of 2");
        assertThat(row("cedar").locator("td[data-indicator='4d.1']")).hasText("Not met");
        assertThat(row("cedar").locator("td[data-indicator='4d.2']")).hasText("83 % 5 of 6");
        assertThat(row("maple").locator("td.status")).hasText("Green");
        assertThat(row("riverside").locator("td.status")).hasText("Amber");
        assertThat(row("cedar").locator("td.status")).hasText("Red");
        assertThat(page.locator("#indicator-4d-1 .indicator-value")).hasText("50 % 1 of 2 schools");
        // Riverside's caregivers were introduced before its start (4e.2).
        assertThat(page.locator("#indicator-4e-2 .indicator-value")).containsText(java.util.regex.Pattern.compile("\\d+ %"));
        assertThat(row("maple").locator("td[data-indicator='4e.2']")).hasText("No data yet");
        // Indicators, check-ins, and the overdue tasks by role: the demo's Cedar Hill has an overdue follow-up.
        assertThat(page.locator("canvas[data-chart-drawn]")).hasCount(3);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/dashboard.png"))
                .setFullPage(true));

        row("riverside").getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Riverside Middle School")).click();

        assertThat(page.locator("h1")).hasText("Riverside Middle School");
        assertThat(page.locator(".timeline > li")).hasCount(5);
        assertThat(page.locator(".timeline > li").nth(1)).containsText("Check-in 1");
        assertThat(page.locator(".timeline > li").nth(1)).containsText("Held in time");
        assertThat(page.locator(".timeline > li").nth(2)).containsText("Missed");
        assertThat(page.locator("canvas[data-chart-drawn]")).hasCount(1);
        assertThat(page.locator("g.diagram-current")).hasAttribute("data-activity", "holdCheckIn");
        // The term's own diagram counts Riverside's program only, not the other schools'.
        assertThat(page.locator("a.diagram-count text")).hasText(new String[] {"1"});
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/term.png"))
                .setFullPage(true));

        page.locator(".timeline > li").nth(1).getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Check-in 1")).click();

        assertThat(page.locator("h1")).containsText("Check-in 1");
        assertThat(page.locator("#attendees li")).hasText(new String[] {"Dana Whitfield", "Jordan Lee"});
        assertThat(page.locator("#recorded-by")).containsText("Alex Morgan");
    }

    private Locator row(String school) {
        return page.locator("#schools tbody tr[data-school='" + school + "']");
    }
}
