package app.tandem.program.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import app.tandem.directory.ChangeSource;
import app.tandem.TandemTest;
import app.tandem.directory.District;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.directory.Term;
import app.tandem.directory.TermPlan;
import app.tandem.directory.Terms;
import app.tandem.program.ProgramFixture;
import app.tandem.program.ProgramStarts;
import app.tandem.program.SchoolProgram;
import app.tandem.program.StartJob;
import app.tandem.program.StartJob.Outcome;
import app.tandem.program.TermCancelling;

/** /admin/terms: a district's manager plans terms for many schools and starts their programs, once. */
@TandemTest
class TermsAdminTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 4);
    private static final LocalDate FIRST = TODAY.plusDays(28);
    private static final LocalDate LAST = FIRST.plusDays(83);
    private static final AtomicInteger DISTRICTS = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    ProgramFixture fixture;
    @Autowired
    Schools schools;
    @Autowired
    Terms terms;
    @Autowired
    StaffDirectory staff;
    @Autowired
    ProgramStarts starts;
    @Autowired
    TermCancelling cancelling;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcTemplate jdbc;

    private District district;
    private List<School> district3;
    private String manager;
    private String coordinator;

    @BeforeEach
    void aDistrictOfThreeSchools() {
        fixture.today(TODAY);
        String tag = "terms-" + DISTRICTS.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        district = schools.addDistrict(tag, "Terms District " + tag, ZoneId.of("America/Chicago"));
        district3 = List.of(schools.add(district.id(), tag + "-a", "Aspen " + tag),
                schools.add(district.id(), tag + "-b", "Birch " + tag),
                schools.add(district.id(), tag + "-c", "Cedar " + tag));
        manager = "mgr-" + tag;
        coordinator = "coord-" + tag;
        staff.add(new StaffMember(manager, district.id(), "Terms Manager", manager + "@example.org", "en"), "secret",
                Set.of(Role.MANAGER), List.of());
        staff.add(new StaffMember(coordinator, district.id(), "Terms Coordinator", coordinator + "@example.org", "en"),
                "secret", Set.of(Role.COORDINATOR), List.of(district3.get(0).id()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldPlanTheSameTermForEverySchoolOfTheDistrictAtOnce() throws Exception {
        mvc.perform(planForm().param("allSchools", "true"))
                .andExpect(status().is3xxRedirection());

        for (School school : district3) {
            assertThat(terms.ofSchool(school.id())).singleElement()
                    .satisfies(term -> {
                        assertThat(term.code()).isEqualTo("fall-2027");
                        assertThat(term.startsOn()).isEqualTo(FIRST);
                        assertThat(term.endsOn()).isEqualTo(LAST);
                        assertThat(term.checkInCadence()).hasToString("P21D");
                    });
        }
        Document page = page("/admin/terms", manager, "managers");
        assertThat(page.select("#terms tbody tr .status").eachText()).containsExactly("Planned", "Planned", "Planned");
        assertThat(page.select("#terms tbody tr form button").eachText()).containsOnly("Start the program");
    }

    @Test
    void shouldPlanNothingWhenOneSchoolOfManyRefusesTheTerm() throws Exception {
        School birch = district3.get(1);
        terms.plan(new TermPlan(birch.id(), "winter", "Winter", FIRST.plusDays(30), FIRST.plusDays(60), "P2W"));

        Document page = Jsoup.parse(mvc.perform(planForm()
                        .param("schoolIds", String.valueOf(district3.get(0).id()), String.valueOf(birch.id()),
                                String.valueOf(district3.get(2).id())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());

        assertThat(page.select("#plan-errors").text())
                .isEqualTo(birch.name() + " — Term start date: overlaps the school's term Winter (" + FIRST.plusDays(30)
                        + " to " + FIRST.plusDays(60) + ").");
        assertThat(page.select("#code").val()).as("the form keeps what was typed").isEqualTo("fall-2027");
        assertThat(terms.ofSchool(district3.get(0).id())).isEmpty();
        assertThat(terms.ofSchool(district3.get(2).id())).isEmpty();

        Document cadence = Jsoup.parse(mvc.perform(planForm().param("allSchools", "true")
                        .param("checkInCadence", "every two weeks"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(cadence.select("#plan-errors").text()).contains("is not an ISO-8601 period");
        assertThat(cadence.select("#checkInCadence").hasClass("is-invalid")).isTrue();

        Document backwards = Jsoup.parse(mvc.perform(planForm(FIRST.minusDays(1)).param("allSchools", "true"))
                .andReturn().getResponse().getContentAsString());
        assertThat(backwards.select("#plan-errors").text()).contains("the term must end after it starts");
        assertThat(terms.ofSchool(district3.get(0).id())).isEmpty();
    }

    @Test
    void shouldStartEachPlannedProgramOnceAndSayWhichWereAlreadyRunningTheSecondTime() throws Exception {
        List<Term> planned = planAll();

        String location = mvc.perform(post("/admin/terms/start-all").with(csrf()).with(as(manager, "managers")))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        Document progress = waitFor(location);
        assertThat(progress.select("#start-summary").text()).isEqualTo("Started 3, already running 0, not started 0.");
        for (Term term : planned) {
            assertThat(programsOf(term)).isOne();
        }

        StartJob again = starts.startAll(district.id(), null, manager, Locale.ENGLISH);
        assertThat(again.with(Outcome.ALREADY_RUNNING)).extracting(StartJob.Result::termId)
                .containsExactlyInAnyOrderElementsOf(planned.stream().map(Term::id).toList());
        assertThat(again.count(Outcome.STARTED)).isZero();
        for (Term term : planned) {
            assertThat(programsOf(term)).isOne();
        }
        assertThat(page("/admin/terms", manager, "managers").select("#terms tbody tr .status").eachText())
                .containsExactly("Running", "Running", "Running");
    }

    @Test
    void shouldStartEachProgramOnceWhenTwoManagersStartAllAtTheSameMoment() throws Exception {
        List<Term> planned = planAll();
        CountDownLatch bothReady = new CountDownLatch(2);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<StartJob>> jobs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                jobs.add(two.submit(() -> {
                    bothReady.countDown();
                    bothReady.await();
                    return starts.startAll(district.id(), null, manager, Locale.ENGLISH);
                }));
            }
            StartJob first = jobs.get(0).get(60, TimeUnit.SECONDS);
            StartJob second = jobs.get(1).get(60, TimeUnit.SECONDS);

            assertThat(first.count(Outcome.STARTED) + second.count(Outcome.STARTED)).isEqualTo(planned.size());
            assertThat(first.results()).as(first.results().toString()).noneMatch(r -> r.outcome() == Outcome.NOT_STARTED);
            assertThat(second.results()).as(second.results().toString()).noneMatch(r -> r.outcome() == Outcome.NOT_STARTED);
            for (Term term : planned) {
                assertThat(programsOf(term)).as("one program for " + term.id()).isOne();
            }
        } finally {
            two.shutdownNow();
        }
    }

    @Test
    void shouldNeverStartACancelledTermAndSaySo() throws Exception {
        List<Term> planned = planAll();
        Term cancelled = planned.get(0);
        cancelling.cancel(cancelled.id(), "No tutors this term.", manager, ChangeSource.PAGE);

        mvc.perform(post("/admin/terms/{id}/start", cancelled.id()).with(csrf()).with(as(manager, "managers")))
                .andExpect(status().is3xxRedirection());
        StartJob job = starts.startAll(district.id(), null, manager, Locale.ENGLISH);

        assertThat(programsOf(cancelled)).isZero();
        assertThat(job.with(Outcome.NOT_STARTED)).singleElement()
                .satisfies(r -> {
                    assertThat(r.termId()).isEqualTo(cancelled.id());
                    assertThat(r.reason()).contains("was cancelled");
                });
        assertThat(job.count(Outcome.STARTED)).isEqualTo(2);
        Document term = page("/admin/terms/" + cancelled.id(), manager, "managers");
        assertThat(term.select("#status").text()).isEqualTo("Cancelled");
        assertThat(term.select("#cancel-reason").text()).isEqualTo("No tutors this term.");
    }

    @Test
    void shouldAnswerNotFoundToCoordinatorsAndToManagersOfAnotherDistrict() throws Exception {
        Term term = planAll().get(0);
        mvc.perform(get("/admin/terms").with(as(coordinator, "coordinators"))).andExpect(status().isNotFound());
        mvc.perform(post("/admin/terms/start-all").with(csrf()).with(as(coordinator, "coordinators")))
                .andExpect(status().isNotFound());
        String elsewhere = "mgr-elsewhere-" + System.nanoTime() % 100_000;
        School other = fixture.newSchool();
        staff.add(new StaffMember(elsewhere, other.districtId(), "Other Manager", elsewhere + "@example.org", "en"),
                "secret", Set.of(Role.MANAGER), List.of());
        mvc.perform(get("/admin/terms/{id}", term.id()).with(as(elsewhere, "managers")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/terms/{id}/start", term.id()).with(csrf()).with(as(elsewhere, "managers")))
                .andExpect(status().isNotFound());
        assertThat(programsOf(term)).isZero();
    }

    @Test
    void shouldStartOnlyTheTermsOfTheChosenProgramYear() throws Exception {
        jdbc.update("insert into district_settings (district_id, program_year, program_year_starts_on, "
                + "program_year_ends_on) values (?, '2026-27', ?, ?)", district.id(), LocalDate.of(2026, 8, 1),
                LocalDate.of(2027, 7, 31));
        List<Term> thisYear = planAll();
        Term nextYear = terms.plan(new TermPlan(district3.get(0).id(), "fall-2027-28", "Fall 2027-28",
                LocalDate.of(2027, 8, 23), LocalDate.of(2027, 12, 17), "P2W"));

        Document list = page("/admin/terms", manager, "managers");
        assertThat(list.select("#start-year option").eachText())
                .containsExactly("2026-27 (Aug 1, 2026 to Jul 31, 2027)", "2027-28 (Aug 1, 2027 to Jul 31, 2028)");

        String location = mvc.perform(post("/admin/terms/start-all").with(csrf()).with(as(manager, "managers"))
                        .param("programYear", "2026-27"))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        Document progress = waitFor(location);

        assertThat(progress.select("#start-summary").text()).isEqualTo("Started 3, already running 0, not started 0.");
        assertThat(progress.text()).contains("Program year 2026-27");
        for (Term term : thisYear) {
            assertThat(programsOf(term)).isOne();
        }
        assertThat(programsOf(nextYear)).as("next year's term waits for next year's start").isZero();
    }

    @Test
    void shouldLetAnOperatorStartOneDistrictOnlyAndAskWhichOne() throws Exception {
        List<Term> planned = planAll();
        School elsewhere = fixture.newSchool();
        Term otherDistrictsTerm = terms.plan(new TermPlan(elsewhere.id(), "fall-2027", "Fall 2027", FIRST, LAST, "P2W"));
        String operator = "op-" + district.code();

        Document list = page("/admin/terms", operator, "camunda-admin");
        assertThat(list.select("#start-district option").eachText()).contains("Choose a district", district.name());
        mvc.perform(post("/admin/terms/start-all").with(csrf()).with(as(operator, "camunda-admin")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("refusal", "Choose the district whose programs should start."));

        String location = mvc.perform(post("/admin/terms/start-all").with(csrf()).with(as(operator, "camunda-admin"))
                        .param("districtId", String.valueOf(district.id())))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        Document progress = waitFor(location, operator, "camunda-admin");

        assertThat(progress.select("#start-summary").text()).isEqualTo("Started 3, already running 0, not started 0.");
        for (Term term : planned) {
            assertThat(programsOf(term)).isOne();
        }
        assertThat(terms.programOf(otherDistrictsTerm.id())).as("another district's term").isEmpty();
    }

    @Test
    void shouldShowTheProgressOfAJobFromTheDatabaseAndSayWhenItsServerStopped() throws Exception {
        Term term = planAll().get(0);
        Timestamp longAgo = Timestamp.from(ClockUtil.getCurrentTime().toInstant().minusSeconds(600));
        jdbc.update("insert into program_start_job (id, district_id, program_year, started_by, started_at, "
                + "heartbeat_at, total) values ('job-on-another-node', ?, null, ?, ?, ?, 3)",
                district.id(), manager, longAgo, longAgo);
        jdbc.update("insert into program_start_result (job_id, seq, term_id, school_name, term_name, outcome, reason) "
                + "values ('job-on-another-node', 0, ?, 'Aspen', 'Fall 2027', 'NOT_STARTED', 'the term was cancelled')",
                term.id());

        Document page = page("/admin/terms/starts/job-on-another-node", manager, "managers");

        assertThat(page.select("#start-stopped").text()).startsWith("This bulk start stopped before it finished");
        assertThat(page.select("#start-progress")).isEmpty();
        assertThat(page.select("#start-results tbody tr").text()).contains("Aspen", "Not started", "the term was cancelled");
        mvc.perform(get("/admin/terms/starts/job-on-another-node").with(as(coordinator, "managers")))
                .andExpect(status().isNotFound());
    }

    private List<Term> planAll() {
        return terms.planAll(district3.stream()
                .map(s -> new TermPlan(s.id(), "fall-2027", "Fall 2027", FIRST, LAST, "P2W"))
                .toList(), manager, ChangeSource.PAGE);
    }

    private long programsOf(Term term) {
        School school = district3.stream().filter(s -> s.id() == term.schoolId()).findFirst().orElseThrow();
        return runtime.createProcessInstanceQuery().processDefinitionKey(SchoolProgram.PROCESS_KEY)
                .processInstanceBusinessKey(SchoolProgram.businessKey(school, term)).count();
    }

    private MockHttpServletRequestBuilder planForm() {
        return planForm(LAST);
    }

    private MockHttpServletRequestBuilder planForm(LocalDate lastDay) {
        return post("/admin/terms").with(csrf()).with(as(manager, "managers"))
                .param("code", "fall-2027").param("name", "Fall 2027")
                .param("startsOn", FIRST.toString()).param("endsOn", lastDay.toString())
                .param("checkInCadence", "P3W");
    }

    private Document waitFor(String location) throws Exception {
        return waitFor(location, manager, "managers");
    }

    private Document waitFor(String location, String username, String group) throws Exception {
        for (int i = 0; i < 200; i++) {
            Document page = page(location, username, group);
            if (page.select("#start-progress").isEmpty()) {
                return page;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the bulk start did not finish");
    }

    private Document page(String path, String username, String group) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(as(username, group)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private static RequestPostProcessor as(String username, String group) {
        return user(username).authorities(new SimpleGrantedAuthority("ROLE_" + group));
    }
}
