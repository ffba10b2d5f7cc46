package app.tandem.directory.web;

import static app.tandem.directory.web.AdminFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
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
import app.tandem.directory.District;
import app.tandem.directory.DistrictSetting;
import app.tandem.directory.DistrictSettings;
import app.tandem.directory.LoggedChange;
import app.tandem.directory.ProgramYear;
import app.tandem.directory.Role;
import app.tandem.directory.Schools;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.directory.SubjectKind;
import app.tandem.program.ProgramFixture;

/** /admin/district: setting a district up, its settings saved and read back, bad input refused, who may see it. */
@TandemTest
class DistrictPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AdminFixture fixture;
    @Autowired
    Schools schools;
    @Autowired
    DistrictSettings settings;
    @Autowired
    StaffDirectory staff;
    @Autowired
    ChangeLog changes;
    @Autowired
    IdentityService identity;
    @Autowired
    ProgramFixture programs;

    @BeforeEach
    void pinTheClock() {
        programs.today(LocalDate.of(2026, 8, 3));
    }

    @AfterEach
    void resetTheClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldShowAnOperatorTheSetUpPage() throws Exception {
        Document page = page(mvc.perform(get("/admin/district/new").with(as("op-" + System.nanoTime(), Role.OPERATOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("h1").text()).isEqualTo("Set up your district");
        assertThat(page.select("label").eachText()).contains("District code", "District name", "Time zone",
                "Program year", "Alignment meeting scheduled ahead", "Check-in cadence (default)");
        assertThat(page.select("#alignmentScheduleLead-help").text())
                .isEqualTo("How long before a term starts its alignment meeting must be scheduled. Default: P14D.");
        assertThat(page.select("#timeZone").val()).isEqualTo("America/Chicago");
    }

    @Test
    void shouldSetUpADistrictAndPutTheOperatorWhoHasNoStaffRecordOnItsStaff() throws Exception {
        String operator = "op-" + System.nanoTime();
        User user = identity.newUser(operator);
        user.setFirstName("Olga");
        user.setLastName("Operator");
        user.setEmail(operator + "@example.org");
        user.setPassword("a-long-enough-secret");
        identity.saveUser(user);
        String code = "first-" + System.nanoTime();

        mvc.perform(post("/admin/district/new").with(as(operator, Role.OPERATOR)).with(csrf())
                        .param("districtCode", code).param("districtName", "Lakeside Unified")
                        .param("timeZone", "America/Denver").param("programYear", "2026-27")
                        .param("programYearStartsOn", "2026-08-17").param("programYearEndsOn", "2027-06-04")
                        .param("alignmentScheduleLead", "P21D"))
                .andExpect(status().is3xxRedirection());

        District district = schools.districtByCode(code).orElseThrow();
        assertThat(district.name()).isEqualTo("Lakeside Unified");
        assertThat(district.timeZone()).isEqualTo(ZoneId.of("America/Denver"));
        assertThat(settings.programYear(district.id())).contains(new ProgramYear("2026-27", LocalDate.of(2026, 8, 17),
                LocalDate.of(2027, 6, 4)));
        assertThat(settings.alignmentScheduleLead(district.id())).isEqualTo(Period.ofDays(21));
        StaffMember record = staff.byUsername(operator).orElseThrow();
        assertThat(record.districtId()).isEqualTo(district.id());
        assertThat(record.fullName()).isEqualTo("Olga Operator");
        assertThat(record.email()).isEqualTo(operator + "@example.org");
        List<LoggedChange> logged = changes.newest(district.id(), SubjectKind.STAFF, 0, 10);
        assertThat(logged).extracting(LoggedChange::subjectKey).containsOnly(operator);
        assertThat(logged).extracting(LoggedChange::source).containsOnly(ChangeSource.PAGE);
        assertThat(logged).extracting(LoggedChange::changedBy).containsOnly(operator);
        assertThat(changes.newest(district.id(), SubjectKind.DISTRICT, 0, 10))
                .extracting(LoggedChange::field, LoggedChange::before, LoggedChange::after, LoggedChange::changedBy)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ChangedField.NAME, null, "Lakeside Unified", operator),
                        org.assertj.core.groups.Tuple.tuple(ChangedField.TIME_ZONE, null, "America/Denver", operator),
                        org.assertj.core.groups.Tuple.tuple(ChangedField.PROGRAM_YEAR, null,
                                "2026-27 2026-08-17/2027-06-04", operator),
                        org.assertj.core.groups.Tuple.tuple(ChangedField.ALIGNMENT_SCHEDULE_LEAD, null, "P21D",
                                operator));

        // The district's pages now work for the operator: their own district is the one shown.
        Document page = page(mvc.perform(get("/admin/district").with(as(operator, Role.OPERATOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#districtName").val()).isEqualTo("Lakeside Unified");
    }

    @Test
    void shouldRefuseADistrictCodeThatIsTaken() throws Exception {
        AdminFixture.Setup existing = fixture.district();

        Document page = page(mvc.perform(post("/admin/district/new").with(as("op-" + System.nanoTime(), Role.OPERATOR))
                        .with(csrf()).param("districtCode", existing.district().code()).param("districtName", "Copy")
                        .param("timeZone", "America/Chicago").param("programYear", "2026-27")
                        .param("programYearStartsOn", "2026-08-17").param("programYearEndsOn", "2027-06-04"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#districtCode-error").text())
                .isEqualTo("District code: a district with code '" + existing.district().code() + "' already exists.");
        assertThat(schools.districtByCode(existing.district().code()).orElseThrow().name())
                .isEqualTo(existing.district().name());
    }

    @Test
    void shouldSaveAManagersSettingsAndReadThemBackWithDefaultsForTheRest() throws Exception {
        AdminFixture.Setup setup = fixture.district();
        long id = setup.district().id();

        mvc.perform(save(setup.manager(), id).param("districtName", "Renamed District")
                        .param("timeZone", "America/Chicago").param("reminderLead", "P3D").param("defaultCheckInCadence", "P1W")
                        .param("dueSoonWithin", " P5D "))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/district?district=" + id));

        assertThat(schools.districtById(id).orElseThrow().name()).isEqualTo("Renamed District");
        assertThat(settings.reminderLead(id)).isEqualTo(Period.ofDays(3));
        assertThat(settings.defaultCheckInCadence(id)).isEqualTo(Period.ofWeeks(1));
        assertThat(settings.dueSoonWithin(id)).isEqualTo(Period.ofDays(5));
        assertThat(settings.alignmentScheduleLead(id)).isEqualTo(Period.ofDays(14));
        assertThat(settings.closeOutWithin(id)).isEqualTo(Period.ofDays(14));
        assertThat(settings.reminderLead(null)).isEqualTo(Period.ofDays(2));
        assertThat(settings.chosen(id)).containsOnlyKeys(DistrictSetting.REMINDER_LEAD,
                DistrictSetting.DEFAULT_CHECK_IN_CADENCE, DistrictSetting.DUE_SOON_WITHIN);

        Document page = page(mvc.perform(get("/admin/district").with(as(setup.manager(), Role.MANAGER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#reminderLead").val()).isEqualTo("P3D");
        assertThat(page.select("#alignmentScheduleLead").val()).isEmpty();

        // Blank again: back to the default.
        mvc.perform(save(setup.manager(), id).param("districtName", "Renamed District")
                        .param("timeZone", "America/Chicago"))
                .andExpect(status().is3xxRedirection());
        assertThat(settings.reminderLead(id)).isEqualTo(Period.ofDays(2));
    }

    @Test
    void shouldRefuseABadTimeZoneAndABadPeriodMarkingTheFieldsAndSavingNothing() throws Exception {
        AdminFixture.Setup setup = fixture.district();
        long id = setup.district().id();

        Document page = page(mvc.perform(save(setup.manager(), id).param("districtName", "Changed")
                        .param("timeZone", "Mars/Olympus_Mons").param("alignmentScheduleLead", "two weeks")
                        .param("defaultCheckInCadence", "P0D"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#timeZone").hasClass("is-invalid")).isTrue();
        assertThat(page.select("#timeZone").val()).isEqualTo("Mars/Olympus_Mons");
        assertThat(page.select("#timeZone-error").text()).startsWith("Time zone: 'Mars/Olympus_Mons' is not a time zone");
        assertThat(page.select("#alignmentScheduleLead").hasClass("is-invalid")).isTrue();
        assertThat(page.select("#alignmentScheduleLead").val()).isEqualTo("two weeks");
        assertThat(page.select("#alignmentScheduleLead-error").text())
                .startsWith("Alignment meeting scheduled ahead: 'two weeks' is not an ISO-8601 period");
        assertThat(page.select("#defaultCheckInCadence").hasClass("is-invalid")).isTrue();
        assertThat(page.select("#districtName").hasClass("is-invalid")).isFalse();
        assertThat(page.select("#districtName").val()).isEqualTo("Changed");

        District unchanged = schools.districtById(id).orElseThrow();
        assertThat(unchanged.name()).isEqualTo(setup.district().name());
        assertThat(unchanged.timeZone()).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(settings.chosen(id)).isEmpty();
        assertThat(settings.programYear(id)).isEmpty();
    }

    @Test
    void shouldNotLetAManagerSeeOrChangeAnotherDistrict() throws Exception {
        AdminFixture.Setup mine = fixture.district();
        AdminFixture.Setup theirs = fixture.district();

        mvc.perform(get("/admin/district").param("district", String.valueOf(theirs.district().id()))
                        .with(as(mine.manager(), Role.MANAGER)))
                .andExpect(status().isNotFound());
        mvc.perform(save(mine.manager(), theirs.district().id()).param("districtName", "Taken over"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/district/new").with(as(mine.manager(), Role.MANAGER)))
                .andExpect(status().isNotFound());

        assertThat(schools.districtById(theirs.district().id()).orElseThrow().name())
                .isEqualTo(theirs.district().name());
    }

    @Test
    void shouldAnswerNotFoundToACoordinatorOnEveryAdminPage() throws Exception {
        AdminFixture.Setup setup = fixture.district();
        var coordinator = as(setup.coordinator(), Role.COORDINATOR);
        long school = setup.school().id();

        for (MockHttpServletRequestBuilder request : List.of(get("/admin/district"),
                post("/admin/district").param("districtName", "Mine now"),
                get("/admin/district/new"), post("/admin/district/new").param("districtCode", "mine"),
                get("/admin/schools"), post("/admin/schools").param("schoolCode", "x").param("schoolName", "X"),
                get("/admin/schools/" + school), post("/admin/schools/" + school).param("schoolName", "Renamed"),
                post("/admin/schools/" + school + "/close"), post("/admin/schools/" + school + "/reopen"))) {
            mvc.perform(request.with(coordinator).with(csrf())).andExpect(status().isNotFound());
        }
        assertThat(schools.byId(school).orElseThrow().name()).isEqualTo(setup.school().name());
        assertThat(schools.closedOn(school)).isEmpty();
    }

    @Test
    void shouldSendAnOperatorHomeToTheTaskListOnceADistrictExists() throws Exception {
        fixture.district();

        mvc.perform(get("/").with(as("op-" + System.nanoTime(), Role.OPERATOR)))
                .andExpect(redirectedUrl("/tasks"));
    }

    private MockHttpServletRequestBuilder save(String manager, long district) {
        return post("/admin/district").param("district", String.valueOf(district))
                .with(as(manager, Role.MANAGER)).with(csrf())
                .param("programYear", "2026-27")
                .param("programYearStartsOn", "2026-08-17").param("programYearEndsOn", "2027-06-04");
    }

    private static Document page(String html) {
        return Jsoup.parse(html);
    }
}
