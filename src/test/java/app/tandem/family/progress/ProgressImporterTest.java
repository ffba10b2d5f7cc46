package app.tandem.family.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.tandem.TandemTest;
import app.tandem.directory.School;
import app.tandem.directory.StaffEditor;
import app.tandem.family.FamilyFixture;
import app.tandem.family.Student;
import app.tandem.family.roster.RosterError;
import app.tandem.family.roster.RosterImporter;
import app.tandem.family.roster.RosterScope;
import app.tandem.family.roster.RosterSummary;
import app.tandem.program.ProgramFixture;

@TandemTest
class ProgressImporterTest {

    /** A Wednesday: the week of Monday 2027-03-29 is under way. */
    private static final LocalDate TODAY = LocalDate.of(2027, 3, 31);
    static final String HEADER = String.join(",", ProgressColumns.ALL);

    @Autowired
    ProgressImporter importer;
    @Autowired
    ProgramFixture programs;
    @Autowired
    FamilyFixture families;
    @Autowired
    SchoolProgress progress;

    private School school;
    private Student ana;
    private Student luis;
    private RosterScope manager;

    @BeforeEach
    void setUp() {
        programs.today(TODAY);
        school = programs.newSchool();
        ana = families.student(school, "Ana Silva");
        luis = families.student(school, "Luis Ortega");
        manager = new RosterScope(new StaffEditor("manager", school.districtId(), Set.of("managers"), Set.of()),
                Locale.ENGLISH);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldImportAFileAndChangeNothingWhenItComesAgain() throws Exception {
        String csv = file(
                ana.studentNumber() + ",2027-03-22,3,3,90,reading,,,,",
                ana.studentNumber() + ",2027-03-29,3,2,60,reading,Spring reading screener,2027-03-30,412.5,approaching",
                luis.studentNumber() + ",2027-03-29,3,1,30,math,,,,");

        RosterImporter.Result first = run(csv, manager);
        RosterImporter.Result second = run(csv, manager);

        assertThat(first.errors()).isEmpty();
        assertThat(first.summary().byRecord()).containsEntry("week", new RosterSummary.Counts(3, 0, 0));
        assertThat(second.summary().byRecord()).containsEntry("week", new RosterSummary.Counts(0, 0, 3));
        Dosage dosage = progress.ofStudent(ana.id()).orElseThrow().dosage();
        assertThat(dosage.recentWeeks()).extracting(Dosage.Week::weekOf, Dosage.Week::attended)
                .containsExactly(tuple(LocalDate.of(2027, 3, 29), 2), tuple(LocalDate.of(2027, 3, 22), 3));
        assertThat(dosage.averageAttended()).isEqualTo(2.5);
        assertThat(dosage.belowTarget()).as("2.5 sessions a week against the default target of 3").isTrue();
        assertThat(dosage.latest()).isEqualTo(new Assessment("Spring reading screener", LocalDate.of(2027, 3, 30),
                new BigDecimal("412.50"), "approaching"));
    }

    @Test
    void shouldReplaceAWeekImportedAgain() throws Exception {
        run(file(ana.studentNumber() + ",2027-03-29,3,1,30,,,,,"), manager);

        RosterImporter.Result again = run(file(ana.studentNumber() + ",2027-03-29,3,3,90,,,,,"), manager);

        assertThat(again.summary().byRecord()).containsEntry("week", new RosterSummary.Counts(0, 1, 0));
        Dosage dosage = progress.ofStudent(ana.id()).orElseThrow().dosage();
        assertThat(dosage.recentWeeks()).extracting(Dosage.Week::attended).containsExactly(3);
        assertThat(dosage.belowTarget()).isFalse();
    }

    @Test
    void shouldImportNothingAndNameTheRowAndColumnOfEachBadValue() throws Exception {
        String csv = file(
                ana.studentNumber() + ",2027-03-22,3,3,90,,,,,",                       // row 2: good
                "NOBODY-" + school.code() + ",2027-03-22,3,3,90,,,,,",                 // row 3: unknown student
                ana.studentNumber() + ",2027-04-05,3,3,90,,,,,",                       // row 4: a week in the future
                luis.studentNumber() + ",2027-03-22,3,4,90,,,,,",                      // row 5: attended > scheduled
                luis.studentNumber() + ",2027-03-15,3,3,90,,Screener,,410,below",      // row 6: assessment without a date
                luis.studentNumber() + ",2027-03-10,3,3,90,,,,,");                     // row 7: not a Monday

        RosterImporter.Result result = run(csv, manager);

        assertThat(result.imported()).isFalse();
        assertThat(result.errors()).containsExactly(
                new RosterError(3, "student", "there is no student 'NOBODY-" + school.code()
                        + "' in Tandem: import them with the roster first."),
                new RosterError(4, "week", "the week of 2027-04-05 has not begun yet."),
                new RosterError(5, "sessions_attended", "4 sessions attended is more than the 3 scheduled."),
                new RosterError(6, "assessment_date", "an assessment needs the day it was taken."),
                new RosterError(7, "week", "2027-03-10 is not a Monday: give the date of the week's Monday."));
        assertThat(progress.ofStudent(ana.id()).orElseThrow().dosage().hasData()).as("nothing imported").isFalse();
    }

    @Test
    void shouldLetACoordinatorImportForTheirSchoolsStudentsOnly() throws Exception {
        School other = programs.newSchool();
        Student elsewhere = families.student(other, "Kim Lee");
        RosterScope coordinator = new RosterScope(new StaffEditor("coord", school.districtId(), Set.of("coordinators"),
                Set.of(school.id())), Locale.ENGLISH);

        RosterImporter.Result result = run(file(ana.studentNumber() + ",2027-03-22,3,3,90,,,,,",
                elsewhere.studentNumber() + ",2027-03-22,3,3,90,,,,,"), coordinator);

        assertThat(result.errors()).extracting(RosterError::row, RosterError::column, RosterError::reason)
                .containsExactly(tuple(3, "student", "student '" + elsewhere.studentNumber()
                        + "' is not at one of your schools."));
    }

    @Test
    void shouldRefuseAHeaderWithoutTheFormatsColumns() throws Exception {
        RosterImporter.Result result = run("student,week,attended\n", manager);

        assertThat(result.errors()).extracting(RosterError::row).containsOnly(1);
        assertThat(result.errors()).extracting(RosterError::column).contains("sessions_attended", "attended");
    }

    private RosterImporter.Result run(String csv, RosterScope scope) throws Exception {
        return importer.importProgress(new StringReader(csv), scope, (phase, done, total) -> { });
    }

    static String file(String... rows) {
        return HEADER + "\n" + String.join("\n", List.of(rows)) + "\n";
    }
}
