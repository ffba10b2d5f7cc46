package app.tandem.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import app.tandem.TandemTest;
import app.tandem.demo.DemoSeed;
import app.tandem.directory.Schools;

/**
 * The "done when": in the demo district, the program manager takes a campaign from an empty map to an
 * approved plan and a month of touchpoints, and each step waits in the task list of the person it belongs to.
 */
@TandemTest
class CampaignDemoJourneyTest {

    private static final LocalDate START = LocalDate.of(2027, 9, 6);

    @Autowired
    DemoSeed demo;
    @Autowired
    MockMvc mvc;
    @Autowired
    CampaignFixture fixture;
    @Autowired
    Schools schools;
    @Autowired
    Campaigns campaigns;
    @Autowired
    OutreachTracks tracks;
    @Autowired
    CommunicationPlans plans;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService history;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldTakeTheDemoDistrictFromAnEmptyMapToAMonthOfTouchpoints() throws Exception {
        ClockUtil.reset();
        demo.seed();
        long riverbend = schools.districtByCode("riverbend").orElseThrow().id();
        fixture.today(START);
        RequestPostProcessor manager = user("manager").roles("managers");

        assertThat(page("/tasks", manager).select("nav a[href=/campaign]").text()).isEqualTo("Campaign");
        assertThat(page("/tasks", user("teacher").roles("teachers")).select("nav a[href=/campaign]")).isEmpty();
        mvc.perform(post("/campaign").with(manager).with(csrf()).param("programYear", "2027-28")
                        .param("planApprover", "manager"))
                .andExpect(status().is3xxRedirection());
        Campaign campaign = campaigns.byDistrictAndYear(riverbend, "2027-28").orElseThrow();
        assertThat(waitingFor("manager", campaign)).containsExactly(StakeholderCampaign.MAP_DECISION_MAKERS);

        addContact(manager, "Helen Ortiz", "school-board", "high", "supportive", true);
        addContact(manager, "Marcus Webb", "educator-union", "high", "sceptical", true);
        addContact(manager, "Grace Lin", "community-partner", "medium", "champion", false);
        assertThat(page("/campaign/map", manager).select("#map-grid tr[data-influence=high] td[data-stance=sceptical]")
                .text()).contains("Marcus Webb");
        completeAs("manager", campaign, StakeholderCampaign.MAP_DECISION_MAKERS, Map.of("mapReviewed", true));

        assertThat(waitingFor("manager", campaign)).containsExactly(StakeholderCampaign.DRAFT_COMMUNICATION_PLAN);
        addRow(manager, campaign, "school-board", "Board members before the budget vote", "manager", "P2W",
                START.plusDays(21));
        addRow(manager, campaign, "educator-union", "Union building representatives", "leader", "P1W", null);
        addRow(manager, campaign, "community-partner", "Library and youth partners", "coordinator", "P2W", null);
        mvc.perform(post("/campaign/" + campaign.id() + "/plan/submit").with(manager).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(waitingFor("manager", campaign)).containsExactly(StakeholderCampaign.APPROVE_COMMUNICATION_PLAN);
        mvc.perform(post("/campaign/" + campaign.id() + "/plan/decision").with(manager).with(csrf())
                        .param("planDecision", "approve").param("reviewComment", "Ready."))
                .andExpect(status().is3xxRedirection());

        assertThat(waitingFor("manager", campaign)).containsExactlyInAnyOrder(StakeholderCampaign.REVIEW_UNION_CONTRACTS,
                StakeholderCampaign.INVITE_TO_CO_DESIGN, StakeholderCampaign.BRIEF_SCHOOL_BOARD,
                StakeholderCampaign.BRIEF_COMMUNITY_PARTNERS, StakeholderCampaign.SHARE_FAMILY_TOOLKIT);

        Map<String, String> ownerOfTrack = plans.rows(campaign.id()).stream()
                .collect(Collectors.toMap(row -> String.valueOf(tracks.ofCampaign(campaign.id()).stream()
                        .filter(t -> t.planRowId() == row.id()).findFirst().orElseThrow().id()), PlanRow::ownerUsername));
        for (int day = 0; day <= 30; day++) {
            LocalDate today = START.plusDays(day);
            fixture.today(today);
            fixture.runDueJobs(campaign);
            for (Task touchpoint : fixture.tasks(campaign, StakeholderCampaign.HOLD_TOUCHPOINT)) {
                String trackId = String.valueOf(taskService.getVariable(touchpoint.getId(), "trackId"));
                assertThat(touchpoint.getAssignee()).as("touchpoint of track " + trackId)
                        .isEqualTo(ownerOfTrack.get(trackId));
                if (!fixture.dayOf(touchpoint.getDueDate()).isAfter(today)) {
                    fixture.complete(touchpoint, touchpoint.getAssignee(), Map.of("heldOn", today.toString(),
                            "shared", "Progress of the first tutoring cohort.", "withWhom", "The group's members"));
                }
            }
        }

        List<HistoricTaskInstance> held = history.createHistoricTaskInstanceQuery()
                .processInstanceBusinessKeyLike(campaign.businessKey() + "/track-%")
                .taskDefinitionKey(StakeholderCampaign.HOLD_TOUCHPOINT).finished().list();
        assertThat(held.stream().collect(Collectors.groupingBy(HistoricTaskInstance::getAssignee,
                Collectors.counting())))
                .as("four weekly union touchpoints, two fortnightly each for the board and the partners")
                .containsEntry("leader", 4L).containsEntry("manager", 2L).containsEntry("coordinator", 2L);
        Document overview = page("/campaign/" + campaign.id(), manager);
        assertThat(overview.select("#tracks tbody tr")).hasSize(3);
        assertThat(overview.select("#overdue")).as("the fixed work is due in eight weeks").isEmpty();
        assertThat(page("/campaign/tracks", user("leader").roles("school-leaders")).select("[data-track] h2").text())
                .isEqualTo("Union building representatives");
    }

    private List<String> waitingFor(String username, Campaign campaign) {
        return taskService.createTaskQuery().taskAssignee(username)
                .processInstanceBusinessKeyLike(campaign.businessKey() + "%").list().stream()
                .map(Task::getTaskDefinitionKey).toList();
    }

    private void completeAs(String username, Campaign campaign, String key, Map<String, Object> values) {
        Task task = fixture.task(campaign, key);
        assertThat(task.getAssignee()).isEqualTo(username);
        fixture.complete(task, username, values);
    }

    private void addContact(RequestPostProcessor manager, String name, String group, String influence, String stance,
                            boolean decides) throws Exception {
        mvc.perform(post("/campaign/map/contacts").with(manager).with(csrf()).param("contactName", name)
                        .param("contactOrganisation", "Riverbend " + group).param("contactGroup", group)
                        .param("contactInfluence", influence).param("contactStance", stance)
                        .param("decisionMaker", String.valueOf(decides))
                        .param("contactEmail", name.toLowerCase().replace(' ', '.') + "@riverbend.example.org")
                        .param("contactLanguage", "en").param("contactChannel", "email").param("contactOwner", "manager"))
                .andExpect(status().is3xxRedirection());
    }

    private void addRow(RequestPostProcessor manager, Campaign campaign, String group, String audience, String owner,
                        String cadence, LocalDate anchorOn) throws Exception {
        mvc.perform(post("/campaign/" + campaign.id() + "/plan/rows").with(manager).with(csrf())
                        .param("rowGroup", group).param("audience", audience)
                        .param("keyMessage", "Tutoring in the school day is lifting reading and math.")
                        .param("theAsk", "Back the program for the whole year.").param("rowOwner", owner)
                        .param("rowChannel", "in-person").param("rowLanguage", "en").param("cadence", cadence)
                        .param("anchorOn", anchorOn == null ? "" : anchorOn.toString())
                        .param("feedbackLoop", "Feedback goes to the program manager and is answered within a week."))
                .andExpect(status().is3xxRedirection());
    }

    private Document page(String url, RequestPostProcessor person) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(person)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
