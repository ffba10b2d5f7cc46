package app.tandem.family.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import app.tandem.TandemTest;
import app.tandem.directory.ChangeLog;
import app.tandem.directory.ChangeSource;
import app.tandem.directory.ChangedField;
import app.tandem.directory.DistrictSettings;
import app.tandem.directory.LoggedChange;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffEditor;
import app.tandem.directory.StaffMember;
import app.tandem.directory.SubjectKind;
import app.tandem.directory.Term;
import app.tandem.directory.TermPlan;
import app.tandem.directory.Terms;
import app.tandem.program.ProgramFixture;

/** Terms as columns of the roster: a school row plans its school's term by the rules of the terms page. */
@TandemTest
class RosterTermsTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 3, 1);
    private static final String FIRST = "2027-08-23";
    private static final String LAST = "2027-12-17";

    @Autowired
    RosterImporter importer;
    @Autowired
    ProgramFixture programs;
    @Autowired
    Schools schools;
    @Autowired
    Terms terms;
    @Autowired
    DistrictSettings settings;
    @Autowired
    ChangeLog changes;
    @Autowired
    StaffDirectory staff;
    @Autowired
    MockMvc mvc;

    private School school;
    private String manager;
    private RosterScope byManager;

    @BeforeEach
    void setUp() {
        programs.today(TODAY);
        school = programs.newSchool();
        manager = "tm-" + school.code();
        byManager = new RosterScope(new StaffEditor(manager, school.districtId(), Set.of("managers"), Set.of()),
                Locale.ENGLISH);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldPlanTheTermOfANewAndOfAnExistingSchoolAndLogItAsTheImportersOwn() throws Exception {
        RosterFiles file = new RosterFiles();
        file.withTerm(file.schoolLine(file.code("oak"), "Oak Elementary"), "Fall 2027", FIRST, LAST, "P3W")
                .withTerm(file.schoolLine(school.code(), school.name()), "Fall 2027", FIRST, LAST, "");

        RosterImporter.Result result = run(byManager, file);

        assertThat(result.errors()).isEmpty();
        assertThat(result.summary().terms()).isEqualTo(new RosterSummary.Counts(2, 0, 0));
        assertThat(result.summary().byRecord().get("school")).as("rows are counted as before")
                .isEqualTo(new RosterSummary.Counts(1, 0, 1));
        School oak = schools.byCode(file.code("oak")).orElseThrow();
        assertThat(terms.ofSchool(oak.id())).singleElement().satisfies(term -> {
            assertThat(term.code()).isEqualTo("fall-2027");
            assertThat(term.name()).isEqualTo("Fall 2027");
            assertThat(term.startsOn()).isEqualTo(FIRST);
            assertThat(term.endsOn()).isEqualTo(LAST);
            assertThat(term.checkInCadence()).isEqualTo(Period.ofWeeks(3));
        });
        assertThat(terms.ofSchool(school.id())).singleElement().extracting(Term::checkInCadence)
                .as("the district's default").isEqualTo(settings.defaultCheckInCadence(school.districtId()));
        assertThat(logged(SubjectKind.TERM, oak.code() + "/fall-2027"))
                .extracting(LoggedChange::field, LoggedChange::before, LoggedChange::after, LoggedChange::changedBy,
                        LoggedChange::source)
                .containsExactlyInAnyOrder(
                        tuple(ChangedField.NAME, null, "Fall 2027", manager, ChangeSource.IMPORT),
                        tuple(ChangedField.DATES, null, FIRST + "/" + LAST, manager, ChangeSource.IMPORT),
                        tuple(ChangedField.CHECK_IN_CADENCE, null, "P21D", manager, ChangeSource.IMPORT));
        assertThat(logged(SubjectKind.SCHOOL, oak.code()))
                .extracting(LoggedChange::field, LoggedChange::after, LoggedChange::changedBy, LoggedChange::source)
                .containsExactly(tuple(ChangedField.NAME, "Oak Elementary", manager, ChangeSource.IMPORT));
    }

    @Test
    void shouldLeaveAPlannedTermAsItIsWhenTheSameFileComesAgain() throws Exception {
        terms.plan(new TermPlan(school.id(), "autumn", "Fall 2027", LocalDate.parse(FIRST), LocalDate.parse(LAST),
                "P2W"));
        RosterFiles file = new RosterFiles();
        file.withTerm(file.schoolLine(school.code(), school.name()), "fall 2027", FIRST, LAST, "P2W")
                .withTerm(file.schoolLine(file.code("elm"), "Elm Elementary"), "Spring 2028", "2028-01-10",
                        "2028-05-26", "");

        RosterImporter.Result first = run(byManager, file);
        int loggedAfterFirst = changes.count(school.districtId(), SubjectKind.TERM);
        RosterImporter.Result second = run(byManager, file);

        assertThat(first.summary().terms()).as("the page's term, by its name")
                .isEqualTo(new RosterSummary.Counts(1, 0, 1));
        assertThat(second.errors()).isEmpty();
        assertThat(second.summary().terms()).isEqualTo(new RosterSummary.Counts(0, 0, 2));
        assertThat(terms.ofSchool(school.id())).extracting(Term::code).containsExactly("autumn");
        assertThat(terms.ofSchool(schools.byCode(file.code("elm")).orElseThrow().id())).hasSize(1);
        assertThat(changes.count(school.districtId(), SubjectKind.TERM)).as("nothing logged the second time")
                .isEqualTo(loggedAfterFirst);
    }

    @Test
    void shouldRefuseOtherDatesForAPlannedTermAndImportNothingOfTheFile() throws Exception {
        terms.plan(new TermPlan(school.id(), "fall-2027", "Fall 2027", LocalDate.parse(FIRST), LocalDate.parse(LAST),
                "P2W"));
        RosterFiles file = new RosterFiles();
        file.school("pine", "Pine Elementary")
                .withTerm(file.schoolLine(school.code(), school.name()), "Fall 2027", FIRST, "2027-12-22", "");

        RosterImporter.Result result = run(byManager, file);

        assertThat(result.errors()).extracting(RosterError::row, RosterError::column, RosterError::reason)
                .containsExactly(tuple(3, "term", "the school has the term Fall 2027 already, from " + FIRST + " to "
                        + LAST + " with check-ins every P14D: change a planned term on the terms page, where its "
                        + "program's timers move with its dates."));
        assertThat(schools.byCode(file.code("pine"))).as("nothing of the file imported").isEmpty();
        assertThat(terms.ofSchool(school.id())).singleElement().extracting(Term::endsOn)
                .isEqualTo(LocalDate.parse(LAST));
    }

    @Test
    void shouldRefuseWhatTheTermsPageRefusesNamingRowAndColumn() throws Exception {
        School running = programs.newSchool();
        terms.plan(new TermPlan(running.id(), "spring-2027", "Spring 2027", TODAY.minusDays(20), TODAY.plusDays(60),
                "P2W"));
        School closed = programs.newSchool();
        schools.close(closed.id(), TODAY, "someone", ChangeSource.PAGE);
        RosterFiles file = new RosterFiles();
        file.withTerm(file.schoolLine(file.code("ash"), "Ash Elementary"), "Fall 2027", LAST, FIRST, "")   // row 2
                .withTerm(file.schoolLine(running.code(), running.name()), "Summer 2027", "2027-04-19",
                        "2027-07-30", "")                                                                 // row 3
                .withTerm(file.schoolLine(file.code("fir"), "Fir Elementary"), "Fall 2027", FIRST, LAST,
                        "every other week")                                                               // row 4
                .withTerm(file.schoolLine(closed.code(), closed.name()), "Fall 2027", FIRST, LAST, "")     // row 5
                .withTerm(file.schoolLine(file.code("yew"), "Yew Elementary"), "Fall 2027", FIRST, "", "") // row 6
                .withTerm(file.schoolLine(file.code("bay"), "Bay Elementary"), "!!!", FIRST, LAST, "");    // row 7

        RosterImporter.Result result = run(byManager, file);

        assertThat(result.errors()).extracting(RosterError::row, RosterError::column, RosterError::reason)
                .containsExactly(
                        tuple(2, "term_ends_on", "Term end date: the term must end after it starts (it starts " + LAST
                                + " and ends " + FIRST + ")."),
                        tuple(3, "term_starts_on", "Term start date: overlaps the school's term Spring 2027 ("
                                + TODAY.minusDays(20) + " to " + TODAY.plusDays(60) + ")."),
                        tuple(4, "check_in_cadence", "Check-in cadence: 'every other week' is not an ISO-8601 period "
                                + "of days, weeks or months, such as P2W for every two weeks or P14D."),
                        tuple(5, "school", "School: " + closed.name() + " is closed and takes no new term; reopen it "
                                + "first."),
                        tuple(6, "term_ends_on", "is required for this kind of row."),
                        tuple(7, "term", "'!!!' makes no term code: give the term a name with letters or digits, "
                                + "such as Fall 2027."));
        assertThat(schools.byCode(file.code("ash"))).isEmpty();
        assertThat(terms.ofSchool(running.id())).hasSize(1);
    }

    @Test
    void shouldTellACoordinatorTheyMayNotPlanTermsAndKeepTermsOnSchoolRows() throws Exception {
        RosterScope byCoordinator = new RosterScope(new StaffEditor("tc-" + school.code(), school.districtId(),
                Set.of("coordinators"), Set.of(school.id())), Locale.ENGLISH);
        RosterFiles file = new RosterFiles();
        file.withTerm(file.schoolLine(school.code(), school.name()), "Fall 2027", FIRST, LAST, "");

        assertThat(run(byCoordinator, file).errors()).extracting(RosterError::row, RosterError::column,
                        RosterError::reason)
                .contains(tuple(2, "term", "you may not plan terms: only program managers and operators do, on the "
                        + "terms page or in a school row."));

        RosterFiles staffRow = new RosterFiles();
        staffRow.withTerm("staff," + school.code() + ",tn-" + staffRow.tag + ",Tia Nguyen,tia-" + staffRow.tag
                + "@example.org,,en,teachers,,,,,,,,,,", "", FIRST, "", "");
        assertThat(run(byManager, staffRow).errors()).extracting(RosterError::row, RosterError::column,
                        RosterError::reason)
                .containsExactly(tuple(2, "term_starts_on",
                        "only a school row plans a term: leave the term columns empty on other rows."));
        assertThat(terms.ofSchool(school.id())).isEmpty();
    }

    @Test
    void shouldCountTheTermsPlannedOnTheImportPage() throws Exception {
        staff.add(new StaffMember(manager, school.districtId(), "Tara Manager", manager + "@example.org", "en"),
                "secret", Set.of(Role.MANAGER), List.of());
        RosterFiles file = new RosterFiles();
        file.withTerm(file.schoolLine(school.code(), school.name()), "Fall 2027", FIRST, LAST, "P2W");

        String location = mvc.perform(multipart("/family/import")
                        .file(new MockMultipartFile("file", "roster.csv", "text/csv",
                                file.csv().getBytes(StandardCharsets.UTF_8)))
                        .with(asManager()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

        assertThat(finished(location + "/status")).contains("Imported: 0 added, 0 updated, 1 unchanged.",
                "Terms: 1 planned, 0 planned already.");
    }

    private RequestPostProcessor asManager() {
        return user(manager).authorities(new SimpleGrantedAuthority("ROLE_managers"));
    }

    private List<LoggedChange> logged(SubjectKind kind, String key) {
        return changes.newest(school.districtId(), kind, 0, 200).stream()
                .filter(change -> change.subjectKey().equals(key)).toList();
    }

    private RosterImporter.Result run(RosterScope scope, RosterFiles file) throws Exception {
        return importer.importRoster(new StringReader(file.csv()), scope, (phase, done, total) -> { });
    }

    private String finished(String statusUrl) throws Exception {
        String page = "";
        for (int poll = 0; poll < 200; poll++) {
            page = mvc.perform(get(statusUrl).with(asManager())).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            if (!page.contains("hx-get")) {
                return page;
            }
            Thread.sleep(100);
        }
        return page;
    }
}
