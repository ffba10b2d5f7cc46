package app.tandem.directory.web;

import static app.tandem.directory.web.AdminFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import app.tandem.TandemTest;
import app.tandem.directory.ChangeLog;
import app.tandem.directory.ChangeSource;
import app.tandem.directory.ChangedField;
import app.tandem.directory.LoggedChange;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.directory.SubjectKind;
import app.tandem.directory.Term;
import app.tandem.directory.Terms;
import app.tandem.program.ProgramFixture;
import app.tandem.program.ProgramStarts;

/**
 * /admin/changes: every administrative change of a district, whichever page made it, with who, before and after;
 * by kind, page by page, exported; managers see their district's, operators everyone's, anyone else nothing.
 */
@TandemTest
class ChangeLogPagesTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 4);
    private static final LocalDate FIRST = TODAY.plusDays(28);
    private static final LocalDate LAST = FIRST.plusDays(83);

    @Autowired
    MockMvc mvc;
    @Autowired
    AdminFixture fixture;
    @Autowired
    ProgramFixture programs;
    @Autowired
    ChangeLog changes;
    @Autowired
    Schools schools;
    @Autowired
    Terms terms;
    @Autowired
    ProgramStarts starts;

    private AdminFixture.Setup setup;

    @BeforeEach
    void setUp() {
        programs.today(TODAY);
        setup = fixture.district();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldLogEachChangeOfASchoolWithWhoBeforeAndAfter() throws Exception {
        String code = setup.district().code() + "-oak";
        perform(post("/admin/schools").param("schoolCode", code).param("schoolName", "Oak"));
        long oak = schools.byCode(code).orElseThrow().id();
        perform(post("/admin/schools/" + oak).param("schoolName", "Oak Grove"));
        perform(post("/admin/schools/" + oak + "/close"));
        perform(post("/admin/schools/" + oak + "/reopen"));

        assertThat(logged(SubjectKind.SCHOOL, code))
                .extracting(LoggedChange::field, LoggedChange::before, LoggedChange::after, LoggedChange::changedBy,
                        LoggedChange::source)
                .containsExactly(
                        tuple(ChangedField.CLOSED, TODAY.toString(), null, setup.manager(), ChangeSource.PAGE),
                        tuple(ChangedField.CLOSED, null, TODAY.toString(), setup.manager(), ChangeSource.PAGE),
                        tuple(ChangedField.NAME, "Oak", "Oak Grove", setup.manager(), ChangeSource.PAGE),
                        tuple(ChangedField.NAME, null, "Oak", setup.manager(), ChangeSource.PAGE));
    }

    @Test
    void shouldLogTermsPlannedRedatedAndCancelledAndProgramsStartedOneByOneAndAllAtOnce() throws Exception {
        School school = setup.school();
        plan("fall-2027", "Fall 2027", FIRST, LAST);
        plan("spring-2028", "Spring 2028", LAST.plusDays(30), LAST.plusDays(120));
        plan("summer-2028", "Summer 2028", LAST.plusDays(150), LAST.plusDays(180));
        Term fall = terms.bySchoolAndCode(school.id(), "fall-2027").orElseThrow();
        Term summer = terms.bySchoolAndCode(school.id(), "summer-2028").orElseThrow();

        perform(post("/admin/terms/" + fall.id() + "/start"));
        perform(post("/admin/terms/" + fall.id() + "/dates").param("startsOn", FIRST.toString())
                .param("endsOn", LAST.plusDays(7).toString()));
        perform(post("/admin/terms/" + summer.id() + "/cancel").param("cancelReason", "No tutors in summer."));
        starts.startAll(setup.district().id(), null, setup.manager(), Locale.ENGLISH);

        String fallKey = school.code() + "/fall-2027";
        assertThat(logged(SubjectKind.TERM, fallKey))
                .extracting(LoggedChange::field, LoggedChange::before, LoggedChange::after, LoggedChange::changedBy,
                        LoggedChange::source)
                .containsExactly(
                        tuple(ChangedField.DATES, FIRST + "/" + LAST, FIRST + "/" + LAST.plusDays(7),
                                setup.manager(), ChangeSource.PAGE),
                        tuple(ChangedField.CHECK_IN_CADENCE, null, "P21D", setup.manager(), ChangeSource.PAGE),
                        tuple(ChangedField.DATES, null, FIRST + "/" + LAST, setup.manager(), ChangeSource.PAGE),
                        tuple(ChangedField.NAME, null, "Fall 2027", setup.manager(), ChangeSource.PAGE));
        assertThat(logged(SubjectKind.TERM, school.code() + "/summer-2028"))
                .filteredOn(change -> change.field() == ChangedField.CANCELLED)
                .extracting(LoggedChange::before, LoggedChange::after, LoggedChange::changedBy)
                .as("the reason stays with the term").containsExactly(tuple(null, TODAY.toString(), setup.manager()));
        List<LoggedChange> started = changes.newest(setup.district().id(), SubjectKind.PROGRAM, 0, 10);
        assertThat(started).extracting(LoggedChange::subjectKey, LoggedChange::field, LoggedChange::before,
                        LoggedChange::changedBy, LoggedChange::source)
                .containsExactly(
                        tuple(school.code() + "/spring-2028", ChangedField.STARTED, null, setup.manager(),
                                ChangeSource.PAGE),
                        tuple(fallKey, ChangedField.STARTED, null, setup.manager(), ChangeSource.PAGE));
        assertThat(started.get(1).after()).isEqualTo(terms.programOf(fall.id()).orElseThrow());
    }

    @Test
    void shouldLogTheDistrictsSettingsAsTheyChange() throws Exception {
        perform(post("/admin/district").param("districtName", "Renamed District").param("timeZone", "America/Chicago")
                .param("programYear", "2026-27").param("programYearStartsOn", "2026-08-17")
                .param("programYearEndsOn", "2027-06-04").param("reminderLead", "P3D"));
        perform(post("/admin/district").param("districtName", "Renamed District").param("timeZone", "America/Denver")
                .param("programYear", "2026-27").param("programYearStartsOn", "2026-08-17")
                .param("programYearEndsOn", "2027-06-04"));

        assertThat(changes.newest(setup.district().id(), SubjectKind.DISTRICT, 0, 10))
                .extracting(LoggedChange::subjectKey, LoggedChange::field, LoggedChange::before, LoggedChange::after,
                        LoggedChange::changedBy)
                .containsExactly(
                        tuple(setup.district().code(), ChangedField.REMINDER_LEAD, "P3D", null,
                                setup.manager()),
                        tuple(setup.district().code(), ChangedField.TIME_ZONE, "America/Chicago", "America/Denver",
                                setup.manager()),
                        tuple(setup.district().code(), ChangedField.REMINDER_LEAD, null, "P3D",
                                setup.manager()),
                        tuple(setup.district().code(), ChangedField.PROGRAM_YEAR, null, "2026-27 2026-08-17/2027-06-04",
                                setup.manager()),
                        tuple(setup.district().code(), ChangedField.NAME, setup.district().name(), "Renamed District",
                                setup.manager()));

        Document page = page(get("/admin/changes").param("kind", "DISTRICT"), setup.manager(), Role.MANAGER);
        assertThat(page.select("#changes tbody tr").get(0).select("td").eachText()).containsExactly(
                // The district now keeps Denver time: ten in Chicago is nine there.
                "Jan 4, 2027, 9:00 AM", "District", setup.district().code(), "Reminder before a due day",
                "3 days", "(none)", setup.manager(), "Tandem page");
    }

    @Test
    void shouldListEveryKindNewestFirstFilterOneKindAndExportItsKind() throws Exception {
        School school = setup.school();
        perform(post("/admin/schools/" + school.id()).param("schoolName", "Maple Renamed"));
        plan("fall-2027", "Fall 2027", FIRST, LAST);

        Document all = page(get("/admin/changes"), setup.manager(), Role.MANAGER);
        assertThat(all.select("#changes tbody tr td:eq(1)").eachText()).as("newest first")
                .startsWith("Terms", "Terms", "Terms", "Schools").contains("Staff");
        assertThat(all.select("#kinds .active").text()).isEqualTo("Everything");
        assertThat(all.select("#export").attr("href")).isEqualTo("/admin/changes.csv");

        Document schoolsOnly = page(get("/admin/changes").param("kind", "SCHOOL"), setup.manager(), Role.MANAGER);
        assertThat(schoolsOnly.select("#changes tbody tr td:eq(1)").eachText()).containsOnly("Schools");
        assertThat(schoolsOnly.select("#changes tbody tr td:eq(4)").eachText()).containsExactly(school.name(),
                "(none)");
        assertThat(schoolsOnly.select("#kinds .active").text()).isEqualTo("Schools");
        assertThat(schoolsOnly.select("#export").attr("href")).isEqualTo("/admin/changes.csv?kind=SCHOOL");

        String csv = mvc.perform(get("/admin/changes.csv").param("kind", "TERM")
                        .with(as(setup.manager(), Role.MANAGER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).contains("When,Kind,Of,What changed,Before,After,Changed by,How");
        assertThat(lines.subList(1, lines.size())).hasSize(3)
                .allMatch(line -> line.contains(",Terms," + school.code() + "/fall-2027,"));

        mvc.perform(get("/admin/staff-changes").with(as(setup.manager(), Role.MANAGER)))
                .andExpect(redirectedUrl("/admin/changes?kind=STAFF"));
        mvc.perform(get("/admin/staff-changes.csv").with(as(setup.manager(), Role.MANAGER)))
                .andExpect(redirectedUrl("/admin/changes.csv?kind=STAFF"));
    }

    @Test
    void shouldShowFiftyChangesAPage() throws Exception {
        School school = setup.school();
        for (int i = 1; i <= 55; i++) {
            schools.rename(school.id(), "Maple " + i, setup.manager(), ChangeSource.PAGE);
        }

        Document first = page(get("/admin/changes").param("kind", "SCHOOL"), setup.manager(), Role.MANAGER);
        assertThat(first.select("#changes tbody tr")).hasSize(50);
        assertThat(first.select("#changes tbody tr").get(0).select("td").get(5).text()).isEqualTo("Maple 55");
        assertThat(first.select("caption").text()).isEqualTo("Newest first. Page 1 of 2, 56 changes in all.");

        Document second = page(get("/admin/changes").param("kind", "SCHOOL").param("page", "2"), setup.manager(),
                Role.MANAGER);
        assertThat(second.select("#changes tbody tr td:eq(5)").eachText())
                .containsExactly("Maple 5", "Maple 4", "Maple 3", "Maple 2", "Maple 1", setup.school().name());
        assertThat(second.select(".pagination a").eachAttr("href")).contains("/admin/changes?kind=SCHOOL&page=1");
    }

    @Test
    void shouldShowAManagerTheirDistrictOnlyAndAnOperatorEveryDistrict() throws Exception {
        AdminFixture.Setup other = fixture.district();
        perform(post("/admin/schools/" + setup.school().id()).param("schoolName", "Only Mine"));

        assertThat(page(get("/admin/changes"), other.manager(), Role.MANAGER).select("#changes tbody td:eq(2)")
                .eachText()).doesNotContain(setup.school().code(), setup.manager());
        assertThat(page(get("/admin/changes").param("kind", "SCHOOL"), "op-" + System.nanoTime(), Role.OPERATOR)
                .select("#changes tbody td:eq(2)").eachText()).contains(setup.school().code(), other.school().code());
    }

    @Test
    void shouldAnswerNotFoundToACoordinator() throws Exception {
        for (String address : List.of("/admin/changes", "/admin/changes.csv", "/admin/staff-changes",
                "/admin/staff-changes.csv")) {
            mvc.perform(get(address).with(as(setup.coordinator(), Role.COORDINATOR))).andExpect(status().isNotFound());
        }
    }

    private void plan(String code, String name, LocalDate startsOn, LocalDate endsOn) throws Exception {
        perform(post("/admin/terms").param("schoolIds", String.valueOf(setup.school().id())).param("code", code)
                .param("name", name).param("startsOn", startsOn.toString()).param("endsOn", endsOn.toString())
                .param("checkInCadence", "P3W"));
    }

    private void perform(MockHttpServletRequestBuilder request) throws Exception {
        mvc.perform(request.with(as(setup.manager(), Role.MANAGER)).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    private List<LoggedChange> logged(SubjectKind kind, String key) {
        return changes.newest(setup.district().id(), kind, 0, 100).stream()
                .filter(change -> change.subjectKey().equals(key)).toList();
    }

    private Document page(MockHttpServletRequestBuilder request, String username, Role role) throws Exception {
        return Jsoup.parse(mvc.perform(request.with(as(username, role))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
