package app.tandem.family.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import app.tandem.TandemTest;
import app.tandem.directory.StaffEditor;
import app.tandem.family.CaregiverProcesses;
import app.tandem.dashboard.CaregiverEvidence;
import app.tandem.dashboard.Share;
import app.tandem.family.FamilyMessage;
import app.tandem.family.FamilyMessages;
import app.tandem.program.ProgramFixture;
import app.tandem.program.ProgramFixture.Program;
import app.tandem.program.SchoolProgram;

/**
 * A student imported after the program introduced itself to caregivers: their caregiver is introduced late,
 * once, after the import commits, and the dashboard counts it beside 4e.2, never as before the start.
 */
@TandemTest
class LateIntroductionTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 8, 2);
    private static final LocalDate TERM_START = TODAY.plusDays(21);

    @Autowired
    ProcessEngine engine;
    @Autowired
    ProgramFixture programs;
    @Autowired
    RosterImporter importer;
    @Autowired
    FamilyMessages messages;
    @Autowired
    CaregiverEvidence evidence;
    @Autowired
    HistoryService history;
    @Autowired
    MockMvc mvc;

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
    void shouldIntroduceAStudentEnrolledAfterTheStartLateAndOnlyOnce() throws Exception {
        Program program = programs.start(TERM_START, TERM_START.plusDays(83), "P2W");
        alignAndIntroduce(program);
        programs.today(TERM_START.plusDays(10));
        RosterFiles file = new RosterFiles()
                .student("S1", program.school().code(), "Ana Late", "3", "2018-04-12", 3)
                .caregiver("C1", "S1", "Maria Late", "maria.late@example.org", "", "en", "email", "yes", "");

        assertThat(run(program, file).imported()).isTrue();

        List<HistoricProcessInstance> onboardings = onboardings(program);
        assertThat(onboardings).as("one late introduction for the new student's caregiver").hasSize(1);
        long caregiverId = Long.parseLong(onboardings.get(0).getBusinessKey().split("/")[0]);
        FamilyMessage introduction = messages.introduction(program.term().id(), caregiverId).orElseThrow();
        assertThat(messages.late(introduction.id())).isTrue();

        assertThat(run(program, file).imported()).isTrue();
        assertThat(onboardings(program)).as("the same file again starts nothing").hasSize(1);

        CaregiverEvidence.CaregiverFacts facts = evidence.ofTerms(List.of(program.term().id())).get(program.term().id());
        assertThat(facts.reachedBeforeStart()).as("4e.2 leaves the late introduction out").isEqualTo(Share.NO_DATA);
        assertThat(facts.introducedLate()).isEqualTo(new Share(0, 1));
        String page = mvc.perform(get("/dashboard/terms/{id}", program.term().id())
                        .with(user("dashboard-manager").roles("managers")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("1 introduced late (enrolled after the introductions), not counted as before the start: 0 reached");
    }

    @Test
    void shouldLeaveAStudentEnrolledBeforeTheIntroductionsToTheProgram() throws Exception {
        Program program = programs.start(TERM_START, TERM_START.plusDays(83), "P2W");
        RosterFiles file = new RosterFiles()
                .student("S1", program.school().code(), "Ana Early", "3", "2018-04-12", 3)
                .caregiver("C1", "S1", "Maria Early", "maria.early@example.org", "", "en", "email", "yes", "");

        assertThat(run(program, file).imported()).isTrue();
        assertThat(onboardings(program)).as("the program introduces them itself after the alignment meeting").isEmpty();

        alignAndIntroduce(program);
        List<HistoricProcessInstance> onboardings = onboardings(program);
        assertThat(onboardings).hasSize(1);
        long caregiverId = Long.parseLong(onboardings.get(0).getBusinessKey().split("/")[0]);
        assertThat(messages.late(messages.introduction(program.term().id(), caregiverId).orElseThrow().id())).isFalse();
    }

    private RosterImporter.Result run(Program program, RosterFiles file) throws Exception {
        RosterScope scope = new RosterScope(new StaffEditor("manager-" + program.school().code(),
                program.school().districtId(), Set.of("managers"), Set.of()), Locale.ENGLISH, false);
        return importer.importRoster(new StringReader(file.csv()), scope, (phase, done, total) -> { });
    }

    private List<HistoricProcessInstance> onboardings(Program program) {
        return history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(CaregiverProcesses.ONBOARDING_PROCESS_KEY)
                .processInstanceBusinessKeyLike("%/" + program.term().id())
                .list();
    }

    private void alignAndIntroduce(Program program) {
        String people = "[\"" + program.leader() + "\",\"" + program.teacher() + "\"]";
        ProcessInstance pi = processInstanceQuery().processInstanceId(program.processInstanceId()).singleResult();
        complete(task(SchoolProgram.SCHEDULE_ALIGNMENT_MEETING, pi), withVariables(
                "alignmentMeetingDate", TODAY.plusDays(3).toString(), "startTime", "16:00", "lengthMinutes", 60, "place", "Library", "invitees", people));
        programs.today(TODAY.plusDays(3));
        complete(task(SchoolProgram.HOLD_ALIGNMENT_MEETING, pi), withVariables("heldOn", TODAY.plusDays(3).toString(),
                "attendees", people, "alignmentPoints", "[\"schedule\"]"));
        execute(job(CaregiverProcesses.INTRODUCE_PROGRAM_TO_CAREGIVERS, pi));
    }
}
