package app.tandem.family.progress;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

import app.tandem.TandemTest;
import app.tandem.directory.Role;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffEditor;
import app.tandem.directory.StaffMember;
import app.tandem.family.CaregiverUpdates;
import app.tandem.family.Channel;
import app.tandem.family.FamilyFixture;
import app.tandem.family.Student;
import app.tandem.family.UpdateDraft;
import app.tandem.family.roster.RosterScope;
import app.tandem.program.ProgramFixture;
import app.tandem.program.ProgramFixture.Program;
import app.tandem.testsupport.ExternalServiceCondition;
import app.tandem.testsupport.RequiresBrowser;

/** A coordinator approves a cycle of progress updates in a real browser: some chosen, then the rest of the page. */
@TandemTest
@RequiresBrowser
class DraftsBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ProgramFixture programs;
    @Autowired
    FamilyFixture families;
    @Autowired
    StaffDirectory staff;
    @Autowired
    ProgressImporter importer;
    @Autowired
    CaregiverUpdates updates;

    private Playwright playwright;
    private Browser browser;

    @BeforeEach
    void openBrowser() {
        programs.today(DraftsPageTest.TODAY);
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
    void shouldApproveTheChosenDraftsThenTheRestOfThePage() throws Exception {
        Program program = programs.start(DraftsPageTest.TERM_START, DraftsPageTest.TERM_START.plusWeeks(12), "P2W");
        String coordinator = "coord-" + program.school().code();
        staff.add(new StaffMember(coordinator, program.school().districtId(), "Ada Okafor",
                coordinator + "@example.org", "en"), "secret", Set.of(Role.COORDINATOR), List.of(program.school().id()));
        Student ana = enrolled(program, "Ana Silva");
        Student luis = enrolled(program, "Luis Ortega");
        Student kim = enrolled(program, "Kim Lee");
        RosterScope scope = new RosterScope(new StaffEditor("manager", program.school().districtId(),
                Set.of("managers"), Set.of()), Locale.ENGLISH);
        importer.importProgress(new StringReader(ProgressImporterTest.file(
                ana.studentNumber() + ",2027-03-15,3,3,90,reading,Reading screener,2027-03-16,410,below",
                luis.studentNumber() + ",2027-03-15,3,1,30,math,Math check,2027-03-17,12,approaching",
                kim.studentNumber() + ",2027-03-15,3,2,60,math,Math check,2027-03-17,15,at")), scope, (p, d, t) -> { });
        for (Student student : List.of(ana, luis, kim)) {
            families.startUpdate(program, student, 1);
        }
        long luisUpdate = updates.find(luis.id(), program.term().id(), 1).orElseThrow().id();

        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)).newPage();
        page.navigate("http://localhost:" + port + "/login");
        page.getByLabel("Username").fill(coordinator);
        page.getByLabel("Password").fill("secret");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).not().hasURL(Pattern.compile(".*/login.*"));
        page.navigate("http://localhost:" + port + "/family/schools/" + program.school().id() + "/drafts");
        assertThat(page.locator("#draft-count")).hasText("3 updates wait for approval.");

        page.getByLabel("A win to celebrate for Luis Ortega").selectOption("great-questions");
        page.getByLabel("Approve the update for Ana Silva").check();
        page.getByLabel("Approve the update for Luis Ortega").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve the selected updates")).click();

        assertThat(page.locator("#notice")).hasText("2 updates approved and on their way.");
        assertThat(page.locator("#draft-count")).hasText("1 update waits for approval.");
        assertThat(page.locator("#drafts tbody")).containsText("Kim Lee");
        assertThat(updates.find(luisUpdate).orElseThrow().draft().win()).isEqualTo("great-questions");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve every update on this page")).click();

        assertThat(page.locator("#notice")).hasText("1 update approved and on its way.");
        assertThat(page.getByText("No progress update waits for a draft.")).isVisible();
        assertThat(updates.find(kim.id(), program.term().id(), 1).orElseThrow().draft())
                .isEqualTo(new UpdateDraft("math", "at", "explain-thinking", "kept-trying", 2));
    }

    private Student enrolled(Program program, String name) {
        Student student = families.student(program.school(), name);
        families.caregiver(student, "Parent of " + name, "parent." + student.id() + "@example.org", null, "en",
                Channel.EMAIL);
        return student;
    }
}
