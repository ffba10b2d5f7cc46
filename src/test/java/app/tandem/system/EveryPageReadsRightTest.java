package app.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import app.tandem.TandemTest;
import app.tandem.campaign.Campaign;
import app.tandem.campaign.CampaignFixture;
import app.tandem.campaign.CampaignLauncher;
import app.tandem.campaign.StakeholderGroup;
import app.tandem.demo.DemoSeed;
import app.tandem.directory.StaffDirectory;
import app.tandem.testsupport.ExternalServiceCondition;
import app.tandem.testsupport.RequiresBrowser;

/**
 * Every page of the demo district, signed in as each role, in English and in Spanish, at a phone's
 * width and a desk's: no serious or critical WCAG 2.1 AA violation (axe-core), nothing wider than the
 * window, and no text that shows its machinery (doubled apostrophes, ISO-8601 periods, process keys,
 * message keys). Each problem is listed with its page, so one run names them all.
 */
@TandemTest
@RequiresBrowser
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryPageReadsRightTest {

    private static final int PHONE = 390;
    private static final int DESK = 1366;
    private static final List<String> COMMON = List.of("/", "/tasks?view=mine", "/tasks?view=group",
            "/tasks?view=done", "/notifications/preferences", "/account/password");
    private static final Map<String, List<String>> PAGES = new LinkedHashMap<>();
    /** Pages for someone not signed in, in the language their browser asks for. */
    private static final String ANONYMOUS = "(not signed in)";
    /** The manager of the walk's own campaign district (CampaignFixture's lead, password "secret"). */
    private static final String OUTREACH_LEAD = "(campaign lead)";

    /*
     * Every page a person opens, by the role that reaches it. "A > selector" opens A and follows the first link
     * the selector finds (and so on down a chain), so pages with ids are the demo's own. Not walked, and why:
     * downloads (*.csv, *.pdf, /outbox/{id}/html: a stored mail body shown on its own, sandboxed), htmx status
     * fragments (/admin/terms/starts/{id}/status, /family/import/{id}/status, /family/progress/import/{id}/status),
     * redirects (/admin/staff-changes is /admin/changes?kind=STAFF), an import's result page (needs an upload:
     * RosterImportPageTest, ProgressPagesTest), a student's page (the demo imports no tutoring data, so no page links
     * one: ProgressPagesTest, FamilyPagesTest), pages behind a secret (/welcome/{secret}: EmptyInstallJourneyTest and PeopleTest;
     * /rsvp/{token}: RsvpLinkTest, in English and Spanish), /unsubscribe (SignedLinks tests), the dashboard's
     * diagram (/dashboard/diagram/{activityId} is a fragment of it) and Camunda's own webapps.
     */
    static {
        PAGES.put("coordinator", List.of("/tasks?view=soon", "/family/import", "/family/disclosures", "#first-task",
                "/family/disclosures > a[href^='/family/disclosures/']:not([href$='.csv'])",
                "/family/progress", "/family/progress/import", "/family/opt-outs",
                "/family/progress > a[href$='/drafts']", "/family/progress > a[href^='/family/schools/'][href$='/progress']"));
        PAGES.put("liaison", List.of("/family/opt-outs", "/family/phrases"));
        PAGES.put("teacher", List.of());
        PAGES.put("leader", List.of("/dashboard", "/assessment"));
        PAGES.put("manager", List.of("/dashboard", "#riverside-term", "/dashboard/indicators/4d.2",
                "/dashboard/indicators/4e.3", "/dashboard/diagram", "#riverside-term > a[href^='/dashboard/milestones/']",
                "/tasks?view=district", "/campaign", "/campaign/map", "/campaign/tracks", "/assessment", "/assessment > a[href*='/ratings/']",
                "/assessment > a[href$='/thresholds']", "/admin/terms", "/admin/terms > td a[href^='/admin/terms/']",
                "/admin/people", "/admin/schools", "/admin/schools > a[href^='/admin/schools/']", "/admin/district",
                "/admin/changes", "/outbox", "/outbox > a[href^='/outbox/']", "/family/phrases",
                "/family/phrases > a[href^='/family/phrases/']"));
        PAGES.put("admin", List.of("/admin/sign-ins", "/outbox", "/admin/people", "/admin/terms", "/admin/backups",
                "/admin/district/new", "/admin/changes", "/assessment"));
        // The demo runs no campaign: the walk starts one in a district of its own, led by OUTREACH_LEAD.
        PAGES.put(OUTREACH_LEAD, List.of("/campaign", "/campaign > table a[href^='/campaign/']",
                "/campaign > table a[href^='/campaign/'] > a[href$='/plan']",
                "/campaign > table a[href^='/campaign/'] > a[href$='/handover']", "/campaign/map",
                "/campaign/map > a[href^='/campaign/map/contacts/']"));
        PAGES.put(ANONYMOUS, List.of("/login", "/password/forgot"));
    }

    private static final Map<String, String> SHOWN = Map.of(
            "coordinator /tasks?view=group", "task-list",
            "coordinator #first-task", "task-form",
            "manager /dashboard", "dashboard",
            "manager /outbox", "outbox");

    /** Text that shows the machinery rather than words: each with what it means. */
    private static final Map<Pattern, String> MACHINERY = Map.of(
            Pattern.compile("\\w''\\w"), "a doubled apostrophe",
            Pattern.compile("\\bP\\d+[DWMY]\\b"), "an ISO-8601 period",
            Pattern.compile("\\b(school-program|caregiver-update|caregiver-onboarding|stakeholder-campaign|"
                    + "outreach-track|stakeholder-feedback|deliver-message|daily-digest)\\b"), "a process key",
            Pattern.compile("\\?\\?[\\w.]+_[a-z]{2}\\?\\?"), "a missing message key",
            Pattern.compile("\\b1 (problems|people|schools|tasks|students|messages|terms|days|weeks|months|changes|"
                    + "contacts|tracks|rows|caregivers|meetings|replies|updates|problemas|personas|escuelas|tareas|"
                    + "estudiantes|mensajes|períodos|días|semanas|meses|cambios|contactos|filas|familiares)\\b"),
            "a plural for one",
            Pattern.compile("(?<![\\w/-])20\\d\\d-[01]\\d-[0-3]\\d(?![\\w-])"),
            "an ISO date where pages write days as words",
            Pattern.compile("\\b\\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20\\d\\d\\b"),
            "a second date style",
            Pattern.compile("\\bport \\d{1,3},\\d{3}\\b"), "a port grouped as a count");
    /** In English, a time of day reads "4:00 PM": a 24-hour time is a second style. */
    private static final Pattern DESK_CLOCK = Pattern.compile("\\b(1[3-9]|2[0-3]):[0-5]\\d\\b");

    @LocalServerPort
    int port;
    @Autowired
    DemoSeed demo;
    @Autowired
    StaffDirectory staff;
    @Autowired
    CampaignFixture campaigns;
    @Autowired
    CampaignLauncher launcher;

    /** The walk's campaign district: its lead signs in with CampaignFixture's password. */
    private CampaignFixture.People outreach;

    private Playwright playwright;
    private Browser browser;
    /** Pages already scanned in a language: the scan is the slow part, and a page's markup is the same for each role. */
    private final java.util.Set<String> scanned = new java.util.HashSet<>();

    @BeforeAll
    void openBrowser() {
        demo.seed();
        outreach = campaigns.district();
        Campaign campaign = campaigns.start(outreach, launcher.currentProgramYear(), null);
        campaigns.contact(outreach, "Helen Ortiz", StakeholderGroup.SCHOOL_BOARD, true, "helen@board.example", "en");
        campaigns.row(campaign, StakeholderGroup.SCHOOL_BOARD, outreach.ownerA(), "P2W", null);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(ExternalServiceCondition.chromium()))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    void closeBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void shouldPassTheAccessibilityScanFitTheWindowAndShowNoMachineryOnEveryPageInBothLanguages() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, List<String>> role : PAGES.entrySet()) {
            String username = OUTREACH_LEAD.equals(role.getKey()) ? outreach.lead() : role.getKey();
            if (ANONYMOUS.equals(username)) {
                for (String language : List.of("en", "es")) {
                    walk(username, language, role.getValue(), problems);
                }
                continue;
            }
            String own = staff.byUsername(username).orElseThrow().preferredLanguage();
            try {
                for (String language : List.of("en", "es")) {
                    staff.changeLanguage(username, language);
                    walk(username, language, role.getValue(), problems);
                }
            } finally {
                staff.changeLanguage(username, own);
            }
        }
        assertThat(problems).as("problems found on the pages").isEmpty();
    }

    private void walk(String username, String language, List<String> own, List<String> problems) {
        boolean anonymous = ANONYMOUS.equals(username);
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(DESK, 900).setLocale(language))) {
            Page page = context.newPage();
            List<String> paths = new ArrayList<>();
            if (!anonymous) {
                signIn(page, username, username.equals(outreach.lead()) ? "secret" : "demo");
                paths.addAll(COMMON);
            }
            paths.addAll(own);
            for (String path : paths) {
                String url = resolve(page, path);
                if (url == null) {
                    problems.add(username + " " + language + ": found no page for " + path);
                    continue;
                }
                String where = username + " " + language + " " + url;
                page.setViewportSize(DESK, 900);
                var response = page.navigate(url);
                if (response == null || response.status() != 200) {
                    problems.add(where + ": answered " + (response == null ? "nothing" : response.status()));
                    continue;
                }
                page.waitForLoadState();
                if (scanned.add(language + " " + path)) {
                    accessible(page, where, problems);
                }
                words(page, where, language, problems);
                fits(page, where + " at " + DESK + " px", DESK, problems);
                shoot(page, username, language, path, DESK);
                page.setViewportSize(PHONE, 844);
                fits(page, where + " at " + PHONE + " px", PHONE, problems);
                shoot(page, username, language, path, PHONE);
            }
        }
    }

    private void signIn(Page page, String username, String password) {
        page.navigate("http://localhost:" + port + "/login");
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("form button[type=submit]").first().click();
        page.waitForLoadState();
    }

    /** A path, or a page found by following the demo's own links. */
    private String resolve(Page page, String path) {
        String base = "http://localhost:" + port;
        return switch (path) {
            case "#first-task" -> firstLink(page, base + "/tasks?view=group", "a[href^='/tasks/']", base)
                    .or(() -> firstLink(page, base + "/tasks?view=mine", "a[href^='/tasks/']", base))
                    .orElse(null);
            case "#riverside-term" -> firstLink(page, base + "/dashboard", "tr[data-school='riverside'] a", base)
                    .orElse(null);
            default -> path.contains(" > ") ? follow(page, path, base) : base + path;
        };
    }

    /** "A > selector > selector": open A (a path or a special page), then follow each selector's first link. */
    private String follow(Page page, String chain, String base) {
        String[] steps = chain.split(" > ");
        String url = resolve(page, steps[0]);
        for (int i = 1; i < steps.length && url != null; i++) {
            url = firstLink(page, url, steps[i], base).orElse(null);
        }
        return url;
    }

    private static java.util.Optional<String> firstLink(Page page, String from, String selector, String base) {
        page.navigate(from);
        Object found = page.evaluate("s => { const a = Array.from(document.querySelectorAll(s))"
                + ".find(e => e.getAttribute('href')); return a ? a.getAttribute('href') : null; }", selector);
        if (!(found instanceof String href)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(href.startsWith("http") ? href : base + href);
    }

    private static void accessible(Page page, String where, List<String> problems) {
        AxeResults results = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze();
        for (Rule rule : results.getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                String targets = rule.getNodes().stream().limit(3)
                        .map(node -> String.valueOf(node.getTarget())).toList().toString();
                problems.add(where + ": " + rule.getImpact() + " " + rule.getId() + " " + targets);
            }
        }
    }

    private static void words(Page page, String where, String language, List<String> problems) {
        // Help texts may show the format a field takes (such as P2W); everything else must be words.
        String text = (String) page.evaluate("() => { const copy = document.body.cloneNode(true); "
                + "copy.querySelectorAll('.form-text, .format-help, input, textarea, code').forEach(e => e.remove()); "
                + "document.body.appendChild(copy); copy.style.position = 'absolute'; "
                + "const text = copy.innerText; copy.remove(); return text; }");
        Map<Pattern, String> rules = new LinkedHashMap<>(MACHINERY);
        if ("en".equals(language)) {
            rules.put(DESK_CLOCK, "a 24-hour time in English");
        }
        for (Map.Entry<Pattern, String> machinery : rules.entrySet()) {
            Matcher found = machinery.getKey().matcher(text);
            if (found.find()) {
                int from = Math.max(0, found.start() - 30);
                int to = Math.min(text.length(), found.end() + 30);
                problems.add(where + ": " + machinery.getValue() + " in \"" + text.substring(from, to)
                        .replaceAll("\\s+", " ") + "\"");
            }
        }
    }

    /** The pages the README's walkthrough shows, kept under target/screenshots for docs/screenshots. */
    private static void shoot(Page page, String username, String language, String path, int width) {
        String name = SHOWN.get(username + " " + path);
        if (name != null) {
            page.screenshot(new Page.ScreenshotOptions().setFullPage(width == PHONE)
                    .setPath(Path.of("target", "screenshots", name + "-" + language + "-" + width + ".png")));
        }
    }

    private static void fits(Page page, String where, int width, List<String> problems) {
        Number wide = (Number) page.evaluate("() => document.documentElement.scrollWidth");
        if (wide.intValue() > width) {
            // The innermost elements past the window's edge; a scroll box wider than the window is one itself.
            Object culprits = page.evaluate("w => { const wide = Array.from(document.querySelectorAll('body *'))"
                    + ".filter(e => e.getBoundingClientRect().right > w + 1"
                    + " && !e.parentElement.closest('.table-responsive, .overflow-auto'));"
                    + " const set = new Set(wide);"
                    + " return wide.filter(e => !Array.from(e.children).some(c => set.has(c)))"
                    + ".slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
                    + " + (e.className && e.className.baseVal === undefined ? '.' + e.className.split(' ').join('.') : '')"
                    + " + ' ' + Math.round(e.getBoundingClientRect().width) + 'px'); }", width);
            problems.add(where + ": the page is " + wide + " px wide, past the window: " + culprits);
        }
    }
}
