package app.tandem.demo;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.tandem.TandemTest;
import app.tandem.directory.Schools;
import app.tandem.directory.Terms;
import app.tandem.family.CaregiverProcesses;
import app.tandem.program.SchoolProgram;

/**
 * The demo is played with the job executor paused and the engine's clock moved: every job its past
 * left (timers and the asynchronous steps after them) must have run on its day, or the executor would
 * run it later, on the real day, and the demo would stand somewhere else.
 */
@TandemTest
class DemoDistrictTest {

    @Autowired
    DemoSeed demo;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    Schools schools;
    @Autowired
    Terms terms;
    @Autowired
    MockMvc mvc;

    @Test
    void shouldLeaveNoJobOfTheDemoProgramsDueAndRunTheCaregiversSteps() {
        demo.seed();

        for (String school : List.of("maple", "riverside", "cedar")) {
            ProcessInstance program = program(school);
            assertThat(management.createJobQuery().processInstanceId(program.getId()).executable().list())
                    .as("jobs of %s's program left for the job executor", school)
                    .isEmpty();
        }
        ProcessInstance riverside = program("riverside");
        assertThat(runtime.getActiveActivityIds(riverside.getId())).contains(SchoolProgram.HOLD_CHECK_IN)
                .doesNotContain(CaregiverProcesses.INTRODUCE_PROGRAM_TO_CAREGIVERS,
                        CaregiverProcesses.START_CAREGIVER_UPDATES);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(riverside.getId())
                .activityId(CaregiverProcesses.INTRODUCE_PROGRAM_TO_CAREGIVERS).finished().count()).isEqualTo(1);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(riverside.getId())
                .activityId(CaregiverProcesses.START_CAREGIVER_UPDATES).finished().count())
                .as("four update weeks played").isEqualTo(4);
        assertThat(runtime.getVariable(riverside.getId(), CaregiverProcesses.Var.UPDATE_WEEK)).isEqualTo(4);
        long riversideTerm = terms.ofSchool(schools.byCode("riverside").orElseThrow().id()).get(0).id();
        assertThat(history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(CaregiverProcesses.ONBOARDING_PROCESS_KEY).list())
                .as("Riverside's caregivers were introduced")
                .anyMatch(onboarding -> onboarding.getBusinessKey().endsWith("/" + riversideTerm));
    }

    @Test
    void shouldGiveEachRoleRealWorkInItsTaskList() throws Exception {
        demo.seed();
        assertThat(tasks("teacher", "teachers", "mine")).as("the teacher reviews their own students' updates")
                .contains("Review the progress update");
        assertThat(tasks("liaison", "liaisons,liaisons-es", "group"))
                .as("the Spanish-speaking liaison has a call to make, named in her language")
                .contains("Llamar a la familia");
        assertThat(tasks("leader", "school-leaders", "group")).as("Riverside's leader sees its check-in")
                .contains("Hold the progress check-in");
        assertThat(tasks("manager", "managers", "group")).as("the manager follows up Cedar Hill's late meeting")
                .contains("Follow up the overdue alignment meeting");
        assertThat(tasks("coordinator", "coordinators", "group")).contains("Schedule the alignment meeting");
    }

    /** The names of the tasks on one tab of the person's task list, signed in with these groups. */
    private List<String> tasks(String username, String groups, String view) throws Exception {
        String html = mvc.perform(get("/tasks").param("view", view).with(user(username).authorities(
                        java.util.Arrays.stream(groups.split(",")).map(g -> new SimpleGrantedAuthority("ROLE_" + g))
                                .toList())))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(html).select("a[href^=/tasks/]").eachText();
    }

    private ProcessInstance program(String schoolCode) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(SchoolProgram.PROCESS_KEY).list().stream()
                .filter(pi -> pi.getBusinessKey().startsWith(schoolCode + "/"))
                .findFirst().orElseThrow();
    }
}
