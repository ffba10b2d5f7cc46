package app.tandem.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

import app.tandem.TandemTest;
import app.tandem.directory.Role;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.program.ProgramFixture;
import app.tandem.program.ProgramFixture.Program;

@TandemTest
class FamilyPagesTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 4, 5);

    @Autowired
    MockMvc mvc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ProgramFixture programs;
    @Autowired
    FamilyFixture families;
    @Autowired
    FamilyMessages messages;
    @Autowired
    StaffDirectory staff;

    @BeforeEach
    void setUp() {
        init(engine);
        programs.today(TODAY);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldShowALiaisonTheCallToMakeAndTheDisclosureOnceMade() throws Exception {
        Program program = programs.start(TODAY.minusDays(20), TODAY.plusDays(60), "P2W");
        String liaison = "liaison-" + program.school().code();
        staff.add(new StaffMember(liaison, program.school().districtId(), "Rosa Diaz", liaison + "@example.org", "es"),
                "secret", Set.of(Role.LIAISON), List.of(program.school().id()));
        Student student = families.student(program.school(), "Diego Cruz");
        Caregiver father = families.caregiver(student, "Raúl Cruz", null, "312 555 0199", "es", Channel.PHONE_CALL);
        ProcessInstance pi = families.startUpdate(program, student, 1);
        complete(task(CaregiverProcesses.DRAFT_UPDATE, pi), withVariables("subject", "math", "standing", "at",
                "atHome", "count-money", "win", "new-skill", "sessionsAttended", 8));
        long id = messages.ofTerm(program.term().id()).stream().filter(m -> m.caregiverId() == father.id())
                .findFirst().orElseThrow().id();

        String page = mvc.perform(get("/family/messages/" + id).with(as(liaison, "liaisons")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Raúl Cruz", "312 555 0199", "Diego Cruz está trabajando al nivel de su grado en matemáticas");

        // The call says whom it is about and opens the message it speaks of.
        String callId = task(CaregiverProcesses.CALL_CAREGIVER, pi).getId();
        org.jsoup.nodes.Document callPage = org.jsoup.Jsoup.parse(mvc.perform(get("/tasks/" + callId)
                .with(as(liaison, "liaisons"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(callPage.getElementById("task-subject").text()).isEqualTo("Estudiante: Diego Cruz");
        assertThat(callPage.getElementById("task-link").attr("href")).isEqualTo("/family/messages/" + id);
        taskService().setAssignee(callId, liaison);
        identityService().setAuthenticatedUserId(liaison);
        try {
            complete(task(CaregiverProcesses.CALL_CAREGIVER, pi), withVariables("calledOn", TODAY.toString(),
                    "callOutcome", "reached", "inTheirLanguage", true));
        } finally {
            identityService().clearAuthentication();
        }
        org.jsoup.nodes.Document done = org.jsoup.Jsoup.parse(mvc.perform(get("/tasks?view=done")
                .with(as(liaison, "liaisons"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(done.select("#task-" + callId).text()).as("a completed call names its student and its phase")
                .contains("Llamar a la familia", "Estudiante: Diego Cruz", program.school().name())
                .doesNotContain("caregiver-update");
        String log = mvc.perform(get("/family/disclosures").with(as(liaison, "liaisons")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // Rosa's staff record says Spanish, so her pages are in Spanish whatever the browser asks.
        assertThat(log).contains("Registro de comunicaciones", "Diego Cruz", "Raúl Cruz", "Informe de progreso, ciclo 1",
                "Llamada telefónica");

        mvc.perform(get("/family/messages/" + id).with(as("liaison-elsewhere", "liaisons"))).andExpect(status().isNotFound());
        mvc.perform(get("/family/disclosures").with(as(liaison, "teachers"))).andExpect(status().isNotFound());
    }

    @Test
    void shouldHaveEveryFamilyTextInSpanishAndTheFrameInVietnameseChineseAndArabic() throws IOException {
        Properties english = bundle("messages-family.properties");
        assertThat(bundle("messages-family_es.properties").keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
        List<String> frame = List.of("mail.caregiver-update.subject", "mail.caregiver-introduction.subject",
                "family.mail.title", "family.mail.greeting", "family.mail.contacts", "family.contact.coordinator",
                "family.contact.liaison", "family.mail.footer", "family.update.heading", "family.intro.heading");
        for (String language : List.of("vi", "zh", "ar")) {
            Properties awaiting = bundle("messages-family_" + language + ".properties");
            assertThat(awaiting).as(language).containsKeys(frame.toArray()).containsEntry("family.review.status",
                    "awaiting-review");
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = new ClassPathResource(name).getInputStream()) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor as(
            String username, String group) {
        return user(username).authorities(new SimpleGrantedAuthority("ROLE_" + group));
    }
}
