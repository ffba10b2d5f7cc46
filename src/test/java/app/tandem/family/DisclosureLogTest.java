package app.tandem.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

import app.tandem.TandemTest;
import app.tandem.directory.ChangeSource;
import app.tandem.directory.School;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.notify.EmbeddedMailServer;
import app.tandem.program.ProgramFixture;
import app.tandem.program.ProgramFixture.Program;

/** The disclosure log keeps what a family was sent, as sent, and gives it back for a family's request. */
@TandemTest
class DisclosureLogTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 3, 1);

    @Autowired
    MockMvc mvc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ProgramFixture programs;
    @Autowired
    FamilyFixture families;
    @Autowired
    FamilyMail familyMail;
    @Autowired
    DisclosureLog log;
    @Autowired
    StaffDirectory staff;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EmbeddedMailServer mailServer;

    private Program program;

    @BeforeEach
    void setUp() {
        init(engine);
        programs.today(TODAY);
        program = programs.start(TODAY.minusDays(30), TODAY.plusDays(60), "P2W");
        mailServer.clear();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldShowTheMailAsSentEvenAfterTheCoordinatorsNameChanged() throws Exception {
        String coordinator = staffMember(program.school(), "coordinators", "Alex Morgan");
        String liaison = staffMember(program.school(), "liaisons", "Rosa Diaz");
        Student student = families.student(program.school(), "Ana Silva");
        Caregiver mother = families.caregiver(student, "Maria Silva", "maria.disclosed@example.org", null, "en",
                Channel.EMAIL);
        familyMail.mailed(program, student, mother, 1);

        jdbc.sql("update staff_member set full_name = 'Jordan Lee' where username = ?").param(coordinator).update();

        Disclosure line = log.ofStudent(student.id()).get(0);
        String shown = page("/family/disclosures/" + line.id(), liaison, "liaisons");
        assertThat(shown).contains("Progress update for Ana Silva", "Dear Maria Silva,", "Alex Morgan", "SHA-256")
                .doesNotContain("Jordan Lee");
        assertThat(page("/family/messages/" + line.familyMessageId(), liaison, "liaisons"))
                .as("the letter as it would read today").contains("Jordan Lee");
    }

    @Test
    void shouldFindAStudentsDisclosuresAndExportThemForTheFamily() throws Exception {
        String liaison = staffMember(program.school(), "liaisons", "Rosa Diaz");
        Student student = families.student(program.school(), "Luis Ortega");
        Caregiver father = families.caregiver(student, "Jorge Ortega", "jorge.o@example.org", null, "es", Channel.EMAIL);
        Student classmate = families.student(program.school(), "Ben Ode");
        Caregiver other = families.caregiver(classmate, "Ada Ode", "ada.o@example.org", null, "en", Channel.EMAIL);
        familyMail.mailed(program, student, father, 1);
        familyMail.mailed(program, classmate, other, 1);

        String found = page("/family/disclosures?student=ortega", liaison, "liaisons");
        assertThat(found).contains("Luis Ortega", "Jorge Ortega").doesNotContain("Ben Ode");
        String own = page("/family/disclosures?studentId=" + student.id(), liaison, "liaisons");
        assertThat(own).contains("Disclosures about Luis Ortega", "/family/disclosures/students/" + student.id() + ".csv");

        MockHttpServletResponse csv = mvc.perform(get("/family/disclosures/students/" + student.id() + ".csv")
                        .with(as(liaison, "liaisons")))
                .andExpect(status().isOk()).andReturn().getResponse();
        csv.setCharacterEncoding("UTF-8");
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getContentAsString()).contains("Text as sent", student.studentNumber(), "Jorge Ortega",
                "Informe de progreso de Luis Ortega", "Estimado/a Jorge Ortega:").doesNotContain("Ada Ode");

        String leader = program.leader();
        mvc.perform(get("/family/disclosures/students/" + student.id() + ".csv").with(as(leader, "school-leaders")))
                .andExpect(status().isNotFound());
        School elsewhere = programs.newSchool();
        String stranger = staffMember(elsewhere, "liaisons", "Sam Okafor");
        mvc.perform(get("/family/disclosures/students/" + student.id() + ".csv").with(as(stranger, "liaisons")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/family/disclosures/" + log.ofStudent(student.id()).get(0).id()).with(as(stranger, "liaisons")))
                .andExpect(status().isNotFound());
    }

    private String page(String path, String username, String group) throws Exception {
        return mvc.perform(get(path).with(as(username, group))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private String staffMember(School school, String group, String name) {
        String username = group + "-" + System.nanoTime();
        staff.addToGroups(new StaffMember(username, school.districtId(), name, username + "@example.org", "en"),
                "secret", List.of(group), List.of(school.id()), "test", ChangeSource.SETUP);
        return username;
    }

    private static UserRequestPostProcessor as(String username, String group) {
        return user(username).authorities(new SimpleGrantedAuthority("ROLE_" + group));
    }
}
