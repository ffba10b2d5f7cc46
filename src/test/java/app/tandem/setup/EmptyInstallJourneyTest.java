package app.tandem.setup;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

import app.tandem.TandemTest;
import app.tandem.people.PeopleMail;
import app.tandem.directory.Role;
import app.tandem.notify.Mailroom;
import app.tandem.notify.MessageKind;
import app.tandem.program.ProgramFixture;
import app.tandem.testsupport.ExternalServiceCondition;
import app.tandem.testsupport.RequiresBrowser;

/**
 * Issue 16's journey in a real browser: an operator with no staff record sets up a district, adds a school and
 * two people who accept their mailed invitations, plans a term and starts its program; the coordinator then finds
 * the alignment meeting to schedule and the manager sees the school on the dashboard. Only the operator's account
 * (which a real install makes from CAMUNDA_BPM_ADMINUSER_ID) and reading the mail happen outside the pages.
 */
@TandemTest
@RequiresBrowser
class EmptyInstallJourneyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 8, 3);
    private static final Pattern WELCOME_LINK = Pattern.compile("https?://\\S+(/welcome/[A-Za-z0-9_-]+)");
    private static final Path SHOTS = Path.of("target/screenshots/journey");

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    Mailroom mailroom;
    @Autowired
    ProgramFixture programs;

    private Playwright playwright;
    private Browser browser;
    private final List<String> pageErrors = new ArrayList<>();

    @BeforeEach
    void openBrowser() {
        programs.today(TODAY);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(ExternalServiceCondition.chromium()))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterEach
    void closeBrowser() {
        ClockUtil.reset();
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void shouldTakeAnOperatorFromNoDistrictToACoordinatorWithTheAlignmentMeetingToSchedule() {
        String tag = Long.toString(System.nanoTime(), 36);
        String operator = "op-" + tag;
        String password = "operator-secret-" + tag;
        operatorAccount(operator, password);

        // 1. The operator, on no district's staff, sets up a district (on a phone).
        Page admin = phone();
        signIn(admin, operator, password);
        admin.navigate(url("/admin/district/new"));
        assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Set up your district")))
                .isVisible();
        admin.getByLabel("District code").fill("lakeside-" + tag);
        admin.getByLabel("District name").fill("Lakeside " + tag);
        admin.getByLabel("Time zone").fill("America/Chicago");
        admin.getByLabel("Program year", new Page.GetByLabelOptions().setExact(true)).fill("2026-27");
        admin.getByLabel("First day of the program year").fill("2026-08-17");
        admin.getByLabel("Last day of the program year").fill("2027-06-04");
        admin.getByLabel("Alignment meeting scheduled ahead").fill("P21D");
        shot(admin, "1-district-new");
        button(admin, "Set up the district").click();

        // 2. It is led on to the district's schools and adds one.
        assertThat(admin.locator("h1")).hasText("Schools of Lakeside " + tag);
        assertThat(admin.locator("#notice")).containsText("Lakeside " + tag + " is set up. Now add its schools.");
        String schoolName = "Maple " + tag;
        admin.getByLabel("School code").fill("maple-" + tag);
        admin.getByLabel("School name").fill(schoolName);
        button(admin, "Add a school").click();
        assertThat(admin.locator("main table")).containsText(schoolName);
        shot(admin, "2-schools");

        // 3. Two people, each invited by mail.
        admin.navigate(url("/admin/people"));
        String coordinator = "coord-" + tag;
        String manager = "pm-" + tag;
        addPerson(admin, coordinator, "Cora Ordinate", "Coordinators", schoolName);
        addPerson(admin, manager, "Mana Ger", "Program managers", null);
        shot(admin, "3-people");
        fitsThePhone(admin);

        String coordinatorPassword = "cora-chose-this-" + tag;
        Page cora = phone();
        acceptInvitation(cora, coordinator, coordinatorPassword);
        assertThat(cora.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Tasks"))).isVisible();

        // 4. The operator plans a term for the school and starts its program.
        admin.navigate(url("/admin/terms"));
        admin.getByLabel(schoolName).check();
        admin.getByLabel("Term code").fill("fall-" + tag);
        admin.getByLabel("Term name").fill("Fall " + tag);
        admin.getByLabel("Term start date").fill(TODAY.plusDays(35).toString());
        admin.getByLabel("Term end date").fill(TODAY.plusDays(35 + 83).toString());
        admin.getByLabel("Check-in cadence").fill("P2W");
        button(admin, "Plan the term").click();
        Locator term = admin.locator("#terms tbody tr", new Page.LocatorOptions().setHasText("Fall " + tag));
        assertThat(term).containsText(schoolName);
        assertThat(term.locator(".status")).hasText("Planned");
        term.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start the program")).click();
        assertThat(admin.locator("#notice")).containsText(schoolName);
        assertThat(term.locator(".status")).not().hasText("Planned");
        shot(admin, "4-terms");
        fitsThePhone(admin);

        // 5. The coordinator finds the alignment meeting to schedule; the manager sees the school.
        cora.navigate(url("/tasks"));
        cora.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Group tasks")).click();
        Locator meeting = cora.locator("main li, main tr", new Page.LocatorOptions()
                .setHasText("Schedule the alignment meeting"));
        assertThat(meeting.first()).containsText(schoolName);
        // Due 21 days before the term starts: the district's own lead, not Tandem's default of 14.
        assertThat(meeting.first()).containsText("Aug 17, 2026");
        shot(cora, "5-coordinator-tasks");

        String managerPassword = "mana-chose-this-" + tag;
        Page mana = browser.newContext().newPage();
        watch(mana);
        acceptInvitation(mana, manager, managerPassword);
        mana.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Dashboard")).click();
        Locator row = mana.locator("#schools tbody tr[data-school='maple-" + tag + "']");
        assertThat(row).containsText(schoolName);
        assertThat(mana.locator("#schools tbody tr")).hasCount(1);
        shot(mana, "5-manager-dashboard");

        assertThat(pageErrors).as("nothing refused by the Content-Security-Policy or broken in scripts").isEmpty();
    }

    private void operatorAccount(String username, String password) {
        User user = identity.newUser(username);
        user.setFirstName("Olga");
        user.setLastName("Operator");
        user.setEmail(username + "@example.org");
        user.setPassword(password);
        identity.saveUser(user);
        identity.createMembership(username, Role.OPERATOR.groupId());
    }

    private void addPerson(Page admin, String username, String name, String group, String school) {
        Locator form = admin.locator("form", new Page.LocatorOptions().setHas(
                admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add and invite"))));
        form.getByLabel("Username").fill(username);
        form.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true)).fill(name);
        form.getByLabel("Email address").fill(username + "@example.org");
        form.getByLabel(group, new Locator.GetByLabelOptions().setExact(true)).check();
        if (school != null) {
            form.getByLabel(school, new Locator.GetByLabelOptions().setExact(true)).check();
        }
        button(admin, "Add and invite").click();
        assertThat(admin.locator("#notice")).containsText(name);
        // The list shows fifty a page; an operator finds the new person by name, as on a real install.
        admin.locator("#q").fill(username);
        admin.locator("#q").press("Enter");
        assertThat(admin.locator("main table tr", new Page.LocatorOptions().setHasText(username)))
                .containsText("Invited");
    }

    /**
     * Reads the invitation from the mail server and follows its link in the person's own browser, where they choose
     * their password and are signed in.
     */
    private void acceptInvitation(Page page, String username, String password) {
        mailroom.deliver(mailroom.queuedFor(username, MessageKind.STAFF_INVITATION));
        List<MimeMessage> received = mailroom.receivedBy(username + "@example.org");
        assertThat(received).as("the invitation arrived").hasSize(1);
        Matcher link = WELCOME_LINK.matcher(PeopleMail.text(received.get(0)));
        assertThat(link.find()).as("the invitation holds a link to choose a password").isTrue();
        page.navigate(url(link.group(1)));
        assertThat(page.locator("h1")).hasText("Choose your password");
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByLabel("New password, again").fill(password);
        button(page, "Save my password").click();
        // Signed in at once, on their own task list.
        assertThat(page.locator("#notice")).containsText("Your password is saved, and you are signed in.");
        assertThat(page).hasURL(Pattern.compile(".*/tasks"));
        assertThat(page.locator("nav.navbar")).containsText(username);
    }

    private void signIn(Page page, String username, String password) {
        if (!page.url().contains("/login")) {
            page.navigate(url("/login"));
        }
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        button(page, "Sign in").click();
        assertThat(page).not().hasURL(Pattern.compile(".*/login.*"));
    }

    /** Nothing wider than the phone's screen, and a list paged rather than endless. */
    private void fitsThePhone(Page page) {
        Number width = (Number) page.evaluate("document.documentElement.scrollWidth");
        Number height = (Number) page.evaluate("document.documentElement.scrollHeight");
        System.out.println("Phone page " + page.url() + ": " + width + " x " + height + " px");
        assertThat(width.intValue()).as("no sideways scrolling on " + page.url()).isLessThanOrEqualTo(390);
        assertThat(height.intValue()).as("a page, not the whole list, on " + page.url()).isLessThan(20_000);
    }

    /** A fresh browser (no shared session) the size of a phone. */
    private Page phone() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844));
        Page page = context.newPage();
        watch(page);
        return page;
    }

    private void watch(Page page) {
        page.onPageError(pageErrors::add);
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                pageErrors.add(page.url() + ": " + message.text());
            }
        });
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

}
