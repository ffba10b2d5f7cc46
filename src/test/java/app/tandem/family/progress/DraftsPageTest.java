package app.tandem.family.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

import app.tandem.TandemTest;
import app.tandem.directory.Role;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffEditor;
import app.tandem.directory.StaffMember;
import app.tandem.family.CaregiverProcesses;
import app.tandem.family.CaregiverUpdates;
import app.tandem.family.Channel;
import app.tandem.family.FamilyFixture;
import app.tandem.family.Student;
import app.tandem.family.UpdateDraft;
import app.tandem.family.roster.RosterScope;
import app.tandem.program.ProgramFixture;
import app.tandem.program.ProgramFixture.Program;

/**
 * A coordinator's cycle of progress updates, drafted from the tutoring data: the task form opens filled in, the
 * school's page lists every draft, and approving many completes each student's task as the form would.
 */
@TandemTest
class DraftsPageTest {

    /** Monday of the term's fifth week: the first cycle's updates fall due. */
    static final LocalDate TODAY = LocalDate.of(2027, 3, 29);
    static final LocalDate TERM_START = LocalDate.of(2027, 3, 1);

    @Autowired
    MockMvc mvc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ProgramFixture programs;
    @Autowired
    FamilyFixture families;
    @Autowired
    StaffDirectory staff;
    @Autowired
    ProgressImporter importer;
    @Autowired
    CaregiverUpdates updates;

    private Program program;
    private String coordinator;

    @BeforeEach
    void setUp() {
        init(engine);
        programs.today(TODAY);
        program = programs.start(TERM_START, TERM_START.plusWeeks(12), "P2W");
        coordinator = "coord-" + program.school().code();
        staff.add(new StaffMember(coordinator, program.school().districtId(), "Ada Okafor", coordinator + "@example.org",
                "en"), "secret", Set.of(Role.COORDINATOR), List.of(program.school().id()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldOpenTheDraftFilledInFromTheTutoringData() throws Exception {
        Student ana = enrolled("Ana Silva");
        importProgress(ana.studentNumber() + ",2027-03-01,3,3,90,reading,,,,",
                ana.studentNumber() + ",2027-03-08,3,3,90,,,,,",
                ana.studentNumber() + ",2027-03-15,3,3,90,,Reading screener,2027-03-02,398,below",
                ana.studentNumber() + ",2027-03-22,3,3,90,,Reading screener,2027-03-23,431,at",
                ana.studentNumber() + ",2027-03-29,3,1,30,,,,,");
        ProcessInstance pi = families.startUpdate(program, ana, 1);

        Document form = Jsoup.parse(mvc.perform(get("/tasks/" + task(CaregiverProcesses.DRAFT_UPDATE, pi).getId())
                        .with(as(coordinator, "coordinators")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        assertThat(form.select("select[name=subject] option[selected]").val()).isEqualTo("reading");
        assertThat(form.select("select[name=standing] option[selected]").val()).as("the latest assessment").isEqualTo("at");
        assertThat(form.select("select[name=atHome] option[selected]").val()).isEqualTo("talk-about-books");
        assertThat(form.select("select[name=win] option[selected]").val()).as("every session of the four weeks")
                .isEqualTo("every-session");
        assertThat(form.select("input[name=sessionsAttended]").val()).as("the current week belongs to the next cycle")
                .isEqualTo("12");
    }

    @Test
    void shouldOfferEveryChoiceOfTheDraftInSpanishToACoordinatorWhoReadsSpanish() throws Exception {
        String rosa = "coord-es-" + program.school().code();
        staff.add(new StaffMember(rosa, program.school().districtId(), "Rosa Diaz", rosa + "@example.org", "es"),
                "secret", Set.of(Role.COORDINATOR), List.of(program.school().id()));
        ProcessInstance pi = families.startUpdate(program, enrolled("Ana Silva"), 1);

        Document form = Jsoup.parse(mvc.perform(get("/tasks/" + task(CaregiverProcesses.DRAFT_UPDATE, pi).getId())
                        .with(as(rosa, "coordinators")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        assertThat(form.select("select[name=subject] option").eachText()).contains("Lectura", "Matemáticas");
        assertThat(form.select("select[name=atHome] option").eachText())
                .contains("Leer juntos 15 minutos al día", "Pedirle que explique cómo resolvió un problema");
        assertThat(form.select("select[name=win] option").eachText())
                .contains("Vino a todas las sesiones", "Ayudó a un compañero");
        assertThat(form.text()).contains("Informe de progreso para las familias del estudiante",
                "Pedir primero la revisión del maestro del estudiante")
                .doesNotContain("Read together", "Came to every session", "Progress update for the student");
    }

    @Test
    void shouldApproveManyDraftsAtOnceAndSendBackTheOneTheFormRefuses() throws Exception {
        Student ana = enrolled("Ana Silva");
        Student luis = enrolled("Luis Ortega");
        Student kim = enrolled("Kim Lee");
        importProgress(ana.studentNumber() + ",2027-03-15,3,3,90,reading,Reading screener,2027-03-16,410,below",
                luis.studentNumber() + ",2027-03-15,3,1,30,math,Math check,2027-03-17,12,approaching",
                kim.studentNumber() + ",2027-03-15,3,2,60,,,,,");
        ProcessInstance anaPi = families.startUpdate(program, ana, 1);
        ProcessInstance luisPi = families.startUpdate(program, luis, 1);
        ProcessInstance kimPi = families.startUpdate(program, kim, 1);
        long anaUpdate = updates.find(ana.id(), program.term().id(), 1).orElseThrow().id();
        long luisUpdate = updates.find(luis.id(), program.term().id(), 1).orElseThrow().id();
        long kimUpdate = updates.find(kim.id(), program.term().id(), 1).orElseThrow().id();
        String page = "/family/schools/" + program.school().id() + "/drafts";

        Document list = Jsoup.parse(mvc.perform(get(page).with(as(coordinator, "coordinators")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(list.select("#draft-count").text()).isEqualTo("3 updates wait for approval.");
        assertThat(list.select("#draft-" + luisUpdate + " select[name=standing-" + luisUpdate + "] option[selected]")
                .val()).isEqualTo("approaching");
        assertThat(list.select("#draft-" + luisUpdate + " select[name=atHome-" + luisUpdate + "] option[selected]")
                .val()).isEqualTo("practice-facts");
        assertThat(list.select("#draft-" + kimUpdate + " select[name=subject-" + kimUpdate + "] option[selected]"))
                .as("the data names no subject for Kim").isEmpty();

        // Luis's win is changed on the page; Kim's row has no subject and no standing yet.
        Document after = Jsoup.parse(mvc.perform(post(page).with(csrf()).with(as(coordinator, "coordinators"))
                        .param("all", "true")
                        .params(row(anaUpdate, "reading", "below", "read-together", "kept-trying", "3"))
                        .params(row(luisUpdate, "math", "approaching", "practice-facts", "great-questions", "1"))
                        .params(row(kimUpdate, "", "", "", "kept-trying", "2")))
                .andExpect(status().isUnprocessableEntity())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        assertThat(after.select("#notice").text()).isEqualTo("2 updates approved; 1 needs a correction, marked below.");
        assertThat(after.select("#draft-" + kimUpdate).text()).contains("Subject: ");
        assertThat(after.select("#draft-" + kimUpdate + " select[name=win-" + kimUpdate + "] option[selected]").val())
                .as("what was entered stays").isEqualTo("kept-trying");
        assertThat(after.select("#draft-count").text()).isEqualTo("1 update waits for approval.");
        assertThat(anaPi).hasPassed(CaregiverProcesses.DRAFT_UPDATE);
        assertThat(kimPi).isWaitingAt(CaregiverProcesses.DRAFT_UPDATE);
        assertThat(updates.find(luisUpdate).orElseThrow().draft())
                .isEqualTo(new UpdateDraft("math", "approaching", "practice-facts", "great-questions", 1));
        assertThat(updates.find(luisUpdate).orElseThrow().draftedBy()).isEqualTo(coordinator);
        assertThat(luisPi).hasPassed(CaregiverProcesses.DRAFT_UPDATE);
    }

    @Test
    void shouldSendASchoolsCycleOfThreeHundredUpdatesAHundredRowsAtATime() throws Exception {
        List<ProcessInstance> cycle = new java.util.ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            cycle.add(families.startUpdate(program, enrolled("Student " + i), 1));
        }
        String page = "/family/schools/" + program.school().id() + "/drafts";

        for (int left = 300; left > 0; left -= SchoolDrafts.PAGE_SIZE) {
            Document list = Jsoup.parse(mvc.perform(get(page).with(as(coordinator, "coordinators")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
            assertThat(list.select("#draft-count").text()).isEqualTo(left + " updates wait for approval.");
            assertThat(list.select("#drafts caption").text())
                    .isEqualTo("Updates waiting, page 1 of " + (left / SchoolDrafts.PAGE_SIZE));
            List<Long> shown = list.select("#drafts input[name=row]").eachAttr("value").stream().map(Long::valueOf)
                    .toList();
            assertThat(shown).hasSize(SchoolDrafts.PAGE_SIZE);
            var approveAll = post(page).with(csrf()).with(as(coordinator, "coordinators")).param("all", "true");
            shown.forEach(id -> approveAll.params(row(id, "reading", "at", "read-together", "kept-trying", "3")));

            mvc.perform(approveAll).andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute("notice", "100 updates approved and on their way."));
        }

        Document done = Jsoup.parse(mvc.perform(get(page).with(as(coordinator, "coordinators")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(done.text()).contains("No progress update waits for a draft.");
        assertThat(cycle).allSatisfy(pi -> assertThat(pi).hasPassed(CaregiverProcesses.DRAFT_UPDATE));
    }

    @Test
    void shouldHideTheDraftsFromAnyoneButTheSchoolsCoordinators() throws Exception {
        String page = "/family/schools/" + program.school().id() + "/drafts";
        mvc.perform(get(page).with(as(program.teacher(), "teachers"))).andExpect(status().isNotFound());
        mvc.perform(get(page).with(as("coord-elsewhere", "coordinators"))).andExpect(status().isNotFound());
        mvc.perform(post(page).with(csrf()).with(as(program.leader(), "school-leaders")).param("all", "true"))
                .andExpect(status().isNotFound());
    }

    private Student enrolled(String name) {
        Student student = families.student(program.school(), name);
        families.caregiver(student, "Parent of " + name, "parent." + student.id() + "@example.org", null, "en",
                Channel.EMAIL);
        return student;
    }

    private void importProgress(String... rows) throws Exception {
        RosterScope scope = new RosterScope(new StaffEditor("manager", program.school().districtId(),
                Set.of("managers"), Set.of()), Locale.ENGLISH);
        assertThat(importer.importProgress(new StringReader(ProgressImporterTest.file(rows)), scope,
                (phase, done, total) -> { }).errors()).isEmpty();
    }

    private static org.springframework.util.MultiValueMap<String, String> row(long id, String subject, String standing,
                                                                             String atHome, String win, String sessions) {
        org.springframework.util.LinkedMultiValueMap<String, String> params = new org.springframework.util.LinkedMultiValueMap<>();
        params.add("row", String.valueOf(id));
        params.add(UpdateDraft.SUBJECT + "-" + id, subject);
        params.add(UpdateDraft.STANDING + "-" + id, standing);
        params.add(UpdateDraft.AT_HOME + "-" + id, atHome);
        params.add(UpdateDraft.WIN + "-" + id, win);
        params.add(UpdateDraft.SESSIONS_ATTENDED + "-" + id, sessions);
        return params;
    }

    private static UserRequestPostProcessor as(String username, String group) {
        return user(username).authorities(new SimpleGrantedAuthority("ROLE_" + group));
    }
}
