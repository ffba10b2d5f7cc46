package app.tandem.family.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.tandem.TandemTest;
import app.tandem.directory.School;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffEditor;
import app.tandem.family.Families;
import app.tandem.family.Student;
import app.tandem.program.ProgramFixture;

@TandemTest
class RosterImporterTest {

    @Autowired
    RosterImporter importer;
    @Autowired
    ProgramFixture programs;
    @Autowired
    Families families;
    @Autowired
    StaffDirectory staff;

    private School school;
    private RosterScope manager;

    @BeforeEach
    void setUp() {
        school = programs.newSchool();
        manager = new RosterScope(new StaffEditor("manager", school.districtId(), Set.of("managers"), Set.of()),
                Locale.ENGLISH);
    }

    @Test
    void shouldImportNothingAndListEveryBadRowWithItsRowAndColumn() throws Exception {
        RosterFiles file = new RosterFiles();
        file.school("oak", "Oak Elementary")                                                         // row 2
                .staff("coord-" + file.tag, file.code("oak"), "Ada Okafor", "ada@example.org", "en", "coordinators")
                .student("S1", file.code("oak"), "Ana Silva", "3", "2018-04-12", 3)                  // row 4
                .student("S2", file.code("oak"), "Luis Ortega", "4", "2017-02-03", 5)
                .caregiver("C1", "S1", "Maria Silva", "maria@example.org", "", "en", "email", "yes", "")
                .caregiver("C2", "S2", "Jorge Ortega", "jorge@@example", "", "es", "email", "yes", "") // row 7
                .student("S3", file.code("oak"), "Kim Lee", "K", "", 2)
                .student("S4", file.code("oak"), "Sam Roy", "5", "", 2)
                .student("S5", file.code("oak"), "Eva Moss", "6", "", 2)
                .student("S6", file.code("oak"), "Ian Fox", "7", "", 2)                              // row 11
                .student("S7", "nowhere", "Joy Park", "2", "", 3);                                   // row 12

        RosterImporter.Result result = run(file);

        assertThat(result.imported()).isFalse();
        assertThat(result.errors()).containsExactly(
                new RosterError(7, "email", "'jorge@@example' is not a valid email address."),
                new RosterError(12, "school", "there is no school 'nowhere' in Tandem or on a school row of this file."));
        assertThat(families.studentByNumber(school.districtId(), file.id("S1"))).as("nothing imported").isEmpty();
        assertThat(staff.byUsername("coord-" + file.tag)).isEmpty();
    }

    @Test
    void shouldListEveryProblemOfARowAndOfTheHeader() throws Exception {
        RosterImporter.Result missing = importer.importRoster(new StringReader("record,school,id\nschool,a,\n"),
                manager, (phase, done, total) -> { });
        assertThat(missing.errors()).extracting(RosterError::row).containsOnly(1);
        assertThat(missing.errors()).extracting(RosterError::column).contains("name", "student_consent");

        RosterFiles file = new RosterFiles();
        file.row("caregiver,,C1,Pat,,,xx-1,,,,,,nobody,father,carrier-pigeon,maybe,,");
        assertThat(run(file).errors()).extracting(RosterError::row, RosterError::column).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(2, "language"),
                org.assertj.core.groups.Tuple.tuple(2, "student"),
                org.assertj.core.groups.Tuple.tuple(2, "channel"),
                org.assertj.core.groups.Tuple.tuple(2, "contact_allowed"));
    }

    @Test
    void shouldChangeNothingWhenTheSameFileIsImportedTwice() throws Exception {
        RosterFiles file = goodFile();

        RosterImporter.Result first = run(file);
        RosterImporter.Result second = run(file);

        assertThat(first.errors()).isEmpty();
        assertThat(first.summary().added()).isEqualTo(7);
        assertThat(second.summary().added()).isZero();
        assertThat(second.summary().updated()).isZero();
        assertThat(second.summary().unchanged()).isEqualTo(7);
        Student ana = families.studentByNumber(school.districtId(), file.id("S1")).orElseThrow();
        assertThat(ana.sessionsPerWeek()).isEqualTo(3);
        assertThat(families.caregiversOf(ana.id())).extracting(l -> l.caregiver().fullName())
                .containsExactly("Maria Silva");
        assertThat(staff.byUsername("coord-" + file.tag)).isPresent();
    }

    @Test
    void shouldCountTheRowsThatChanged() throws Exception {
        RosterFiles file = goodFile();
        run(file);
        String csv = file.csv().replace(",Room 12,3,", ",Room 12,5,").replace("maria@example.org", "maria.silva@example.org");

        RosterImporter.Result result = importer.importRoster(new StringReader(csv), manager, (p, d, t) -> { });

        assertThat(result.summary().byRecord().get("student")).isEqualTo(new RosterSummary.Counts(0, 1, 1));
        assertThat(result.summary().byRecord().get("caregiver")).as("both rows of the caregiver whose address changed")
                .isEqualTo(new RosterSummary.Counts(0, 2, 1));
        assertThat(families.studentByNumber(school.districtId(), file.id("S1")).orElseThrow().sessionsPerWeek())
                .isEqualTo(5);
    }

    @Test
    void shouldLetACoordinatorImportOnlyForTheirSchools() throws Exception {
        RosterFiles file = new RosterFiles();
        file.school("new", "New School").student("S1", school.code(), "Ana Silva", "3", "", 3);
        RosterScope coordinator = new RosterScope(
                new StaffEditor("coordinator", school.districtId(), Set.of("coordinators"), Set.of()), Locale.ENGLISH);

        RosterImporter.Result result = importer.importRoster(new StringReader(file.csv()), coordinator, (p, d, t) -> { });

        assertThat(result.errors()).extracting(RosterError::row, RosterError::column, RosterError::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "record", "only program managers add or rename schools."),
                org.assertj.core.groups.Tuple.tuple(3, "school", "'" + school.code() + "' is not one of your schools."));
    }

    @Test
    void shouldWriteErrorsInTheImportersLanguage() throws Exception {
        RosterFiles file = new RosterFiles();
        file.student("S1", "nowhere", "Ana Silva", "3", "", 3);
        RosterScope spanish = new RosterScope(
                new StaffEditor("manager", school.districtId(), Set.of("managers"), Set.of()), Locale.forLanguageTag("es"));

        assertThat(importer.importRoster(new StringReader(file.csv()), spanish, (p, d, t) -> { }).errors())
                .extracting(RosterError::reason)
                .containsExactly("no hay ninguna escuela 'nowhere' en Tandem ni en una fila de escuela de este archivo.");
    }

    @Test
    void shouldGiveEachStudentTheTeacherItsRowNamesAndRefuseOneWhoIsNoTeacherOfTheSchool() throws Exception {
        RosterFiles file = new RosterFiles();
        String teacher = "teach-" + file.tag;
        String coordinator = "coord-" + file.tag;
        file.school("oak", "Oak Elementary")                                                          // row 2
                .school("elm", "Elm Middle")                                                          // row 3
                .staff(teacher, file.code("oak"), "Tess Grant", "tess@example.org", "en", "teachers")   // row 4
                .staff(coordinator, file.code("oak"), "Ada Okafor", "ada@example.org", "en", "coordinators")
                .student("S1", file.code("oak"), "Ana Silva", "3", 3, teacher)                        // row 6
                .student("S2", file.code("elm"), "Luis Ortega", "4", 3, teacher)                      // row 7
                .student("S3", file.code("oak"), "Kim Lee", "K", 2, coordinator)                      // row 8
                .student("S4", file.code("oak"), "Sam Roy", "5", 2, "nobody-" + file.tag)            // row 9
                .student("S5", file.code("oak"), "Eva Moss", "6", 2, "");                             // row 10

        RosterImporter.Result refused = run(file);

        assertThat(refused.imported()).isFalse();
        assertThat(refused.errors()).containsExactly(
                new RosterError(7, "teacher", "'" + teacher + "' is not a teacher at school '" + file.code("elm") + "'."),
                new RosterError(8, "teacher", "'" + coordinator + "' is not a teacher at school '" + file.code("oak")
                        + "'."),
                new RosterError(9, "teacher", "there is no staff member 'nobody-" + file.tag
                        + "' in this district or on a staff row of this file."));

        RosterFiles good = new RosterFiles();
        String goodTeacher = "teach-" + good.tag;
        good.school("oak", "Oak Elementary")
                .staff(goodTeacher, good.code("oak"), "Tess Grant", "tess@example.org", "en", "teachers")
                .student("S1", good.code("oak"), "Ana Silva", "3", 3, goodTeacher)
                .student("S2", good.code("oak"), "Luis Ortega", "4", 3, "");
        RosterImporter.Result imported = run(good);

        assertThat(imported.errors()).isEmpty();
        Student ana = families.studentByNumber(school.districtId(), good.id("S1")).orElseThrow();
        Student luis = families.studentByNumber(school.districtId(), good.id("S2")).orElseThrow();
        assertThat(families.teacherOf(ana.id())).contains(goodTeacher);
        assertThat(families.teacherOf(luis.id())).as("no teacher named").isEmpty();

        String again = good.csv().replace(",Room 12,3,,,,,," + goodTeacher, ",Room 12,3,,,,,,");
        assertThat(importer.importRoster(new StringReader(again), manager, (p, d, t) -> { }).errors()).isEmpty();
        assertThat(families.teacherOf(ana.id())).as("a blank cell keeps the teacher").contains(goodTeacher);
    }

    private RosterFiles goodFile() {
        RosterFiles file = new RosterFiles();
        return file.school("oak", "Oak Elementary")
                .staff("coord-" + file.tag, file.code("oak"), "Ada Okafor", "ada@example.org", "en",
                        "coordinators;liaisons;liaisons-es")
                .student("S1", file.code("oak"), "Ana Silva", "3", "2018-04-12", 3)
                .student("S2", file.code("oak"), "Luis Ortega", "4", "", 5)
                .caregiver("C1", "S1", "Maria Silva", "maria@example.org", "", "en", "email", "yes", "")
                .caregiver("C1", "S2", "Maria Silva", "maria@example.org", "", "en", "email", "yes", "")
                .caregiver("C2", "S2", "Pedro Ortega", "", "", "es", "paper-note", "no", "Court order");
    }

    private RosterImporter.Result run(RosterFiles file) throws Exception {
        return importer.importRoster(new StringReader(file.csv()), manager, (phase, done, total) -> { });
    }
}
