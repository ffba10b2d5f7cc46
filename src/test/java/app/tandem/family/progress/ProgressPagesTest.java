package app.tandem.family.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

import app.tandem.TandemTest;
import app.tandem.directory.Role;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.directory.Term;
import app.tandem.directory.TermPlan;
import app.tandem.directory.Terms;
import app.tandem.directory.School;
import app.tandem.family.FamilyFixture;
import app.tandem.family.Student;
import app.tandem.program.ProgramFixture;

/** The progress import page, a school's attendance against its term's target, a student's weeks, the target itself. */
@TandemTest
class ProgressPagesTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 3, 31);

    @Autowired
    MockMvc mvc;
    @Autowired
    ProgramFixture programs;
    @Autowired
    FamilyFixture families;
    @Autowired
    StaffDirectory staff;
    @Autowired
    Terms terms;

    private School school;
    private Term term;
    private String coordinator;
    private String teacher;
    private String manager;
    private Student ana;
    private Student luis;

    @BeforeEach
    void setUp() {
        programs.today(TODAY);
        school = programs.newSchool();
        term = terms.plan(new TermPlan(school.id(), "spring", "Spring", LocalDate.of(2027, 3, 1),
                LocalDate.of(2027, 6, 1), "P2W"));
        String n = school.code().substring("school-".length());
        teacher = "teacher-" + n;
        coordinator = "coord-" + school.code();
        staff.add(new StaffMember(coordinator, school.districtId(), "Ada Okafor", coordinator + "@example.org", "en"),
                "secret", Set.of(Role.COORDINATOR), List.of(school.id()));
        manager = "manager-" + school.code();
        staff.add(new StaffMember(manager, school.districtId(), "Priya Shah", manager + "@example.org", "en"),
                "secret", Set.of(Role.MANAGER), List.of());
        ana = families.student(school, "Ana Silva");
        luis = families.student(school, "Luis Ortega");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldImportFromThePageAndFlagTheStudentsBelowTheTermsTarget() throws Exception {
        String csv = ProgressImporterTest.file(
                ana.studentNumber() + ",2027-03-22,3,3,90,reading,,,,",
                ana.studentNumber() + ",2027-03-29,3,3,90,reading,Reading screener,2027-03-30,431,at",
                luis.studentNumber() + ",2027-03-22,3,2,60,math,,,,",
                luis.studentNumber() + ",2027-03-29,3,1,30,math,,,,");
        String job = mvc.perform(multipart("/family/progress/import")
                        .file(new MockMultipartFile("file", "progress.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(csrf()).with(as(coordinator, "coordinators")))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(job).startsWith("/family/progress/import/");
        assertThat(finished(job)).contains("Imported: 4 added, 0 updated, 0 unchanged.", "Student weeks");

        Document page = page("/family/schools/" + school.id() + "/progress", teacher, "teachers");
        assertThat(page.select("#below-count").text()).isEqualTo("1 of 2 students are below the target.");
        assertThat(page.select("#students tbody tr").first().text())
                .as("below the target first").contains("Luis Ortega", "1.5 a week (target 3)", "Below the target");
        assertThat(page.select("#students tbody tr").get(1).text())
                .contains("Ana Silva", "3 a week (target 3)", "Reading screener on Mar 30, 2027: At grade level")
                .doesNotContain("Below the target");

        Document student = page("/family/students/" + luis.id(), teacher, "teachers");
        assertThat(student.select("#average").text()).contains("1.5 a week (target 3)", "Below the target");
        assertThat(student.select("#weeks tbody tr")).extracting(e -> e.text())
                .containsExactly("2027-03-29 1 of 3 30", "2027-03-22 2 of 3 60");
    }

    @Test
    void shouldFlagAgainstTheTargetAManagerSetsOnTheTerm() throws Exception {
        mvc.perform(post("/admin/terms/" + term.id() + "/sessions-target").param("sessionsTarget", "11")
                        .with(csrf()).with(as(manager, "managers")))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(Jsoup.parse(result.getResponse().getContentAsString()).select("#errors")
                        .text()).isEqualTo("Sessions a week: give a whole number of sessions from 1 to 10."));
        mvc.perform(post("/admin/terms/" + term.id() + "/sessions-target").param("sessionsTarget", "2")
                        .with(csrf()).with(as(manager, "managers")))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/admin/terms/" + term.id(), manager, "managers").select("#sessions-target").text())
                .isEqualTo("at least 2 a week");
        mvc.perform(post("/admin/terms/" + term.id() + "/sessions-target").param("sessionsTarget", "2")
                .with(csrf()).with(as(coordinator, "coordinators"))).andExpect(status().isNotFound());
    }

    @Test
    void shouldShowAttendanceOnlyToTheSchoolsStaffAndTheDistrictsManagers() throws Exception {
        page("/family/schools/" + school.id() + "/progress", manager, "managers");
        page("/family/students/" + ana.id(), coordinator, "coordinators");
        mvc.perform(get("/family/schools/" + school.id() + "/progress").with(as("teacher-elsewhere", "teachers")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/family/students/" + ana.id()).with(as("teacher-elsewhere", "teachers")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/family/progress/import").with(as(teacher, "teachers"))).andExpect(status().isNotFound());
        String template = mvc.perform(get("/family/progress/import/progress-template.csv")
                        .with(as(coordinator, "coordinators")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(template.lines().findFirst()).contains(ProgressImporterTest.HEADER);
    }

    @Test
    void shouldLinkToTheDraftsOnlyOfTheSchoolsWhereOneCoordinates() throws Exception {
        School other = programs.newSchool();
        String both = "coord-manager-" + school.code();
        staff.add(new StaffMember(both, school.districtId(), "Sam Lee", both + "@example.org", "en"), "secret",
                Set.of(Role.COORDINATOR, Role.MANAGER), List.of(school.id()));
        UserRequestPostProcessor coordinatorAndManager = user(both).authorities(
                new SimpleGrantedAuthority("ROLE_coordinators"), new SimpleGrantedAuthority("ROLE_managers"));

        Document index = Jsoup.parse(mvc.perform(get("/family/progress").with(coordinatorAndManager))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        assertThat(index.select("a[href=/family/schools/" + other.id() + "/progress]")).hasSize(1);
        assertThat(index.select("a[href=/family/schools/" + school.id() + "/drafts]")).hasSize(1);
        assertThat(index.select("a[href=/family/schools/" + other.id() + "/drafts]")).isEmpty();
        mvc.perform(get("/family/schools/" + other.id() + "/drafts").with(coordinatorAndManager))
                .andExpect(status().isNotFound());
    }

    private String finished(String job) throws Exception {
        for (int i = 0; i < 100; i++) {
            String page = mvc.perform(get(job).with(as(coordinator, "coordinators")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            if (!page.contains("hx-get")) {
                return page;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not finish");
    }

    private Document page(String path, String username, String group) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(as(username, group))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static UserRequestPostProcessor as(String username, String group) {
        return user(username).authorities(new SimpleGrantedAuthority("ROLE_" + group));
    }
}
