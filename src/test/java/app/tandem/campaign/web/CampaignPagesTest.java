package app.tandem.campaign.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import app.tandem.TandemTest;
import app.tandem.campaign.Campaign;
import app.tandem.campaign.CampaignFixture;
import app.tandem.campaign.CampaignFixture.People;
import app.tandem.campaign.Campaigns;
import app.tandem.campaign.CommunicationPlans;
import app.tandem.campaign.Contact;
import app.tandem.campaign.Contacts;
import app.tandem.campaign.FeedbackLog;
import app.tandem.campaign.OutreachTracks;
import app.tandem.campaign.PlanStatus;
import app.tandem.campaign.StakeholderCampaign;
import app.tandem.campaign.StakeholderGroup;
import app.tandem.directory.Role;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.notify.MessageKind;
import app.tandem.notify.Outbox;

@TandemTest
class CampaignPagesTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 9, 6);

    @Autowired
    MockMvc mvc;
    @Autowired
    CampaignFixture fixture;
    @Autowired
    Campaigns campaigns;
    @Autowired
    CommunicationPlans plans;
    @Autowired
    Contacts contacts;
    @Autowired
    OutreachTracks tracks;
    @Autowired
    FeedbackLog feedbackLog;
    @Autowired
    StaffDirectory staff;
    @Autowired
    Outbox outbox;

    private People people;
    private Campaign campaign;

    @BeforeEach
    void aDistrictWithACampaign() {
        fixture.today(TODAY);
        people = fixture.district();
        campaign = fixture.start(people, "2027-28", null);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldAnswerNotFoundToATeacherOnEveryCampaignPage() throws Exception {
        RequestPostProcessor teacher = user(people.teacher()).roles("teachers");
        long contact = fixture.contact(people, "Bea Board", StakeholderGroup.SCHOOL_BOARD, true, "bea@board.example",
                "en");

        for (String url : List.of("/campaign", "/campaign/" + campaign.id(), "/campaign/" + campaign.id() + "/plan",
                "/campaign/" + campaign.id() + "/plan.csv", "/campaign/map", "/campaign/map/contacts/" + contact,
                "/campaign/" + campaign.id() + "/handover", "/campaign/tracks")) {
            mvc.perform(get(url).with(teacher)).andExpect(status().isNotFound());
        }
        for (String url : List.of("/campaign", "/campaign/" + campaign.id() + "/plan/rows",
                "/campaign/" + campaign.id() + "/plan/submit", "/campaign/" + campaign.id() + "/plan/decision",
                "/campaign/map/contacts", "/campaign/map/contacts/" + contact,
                "/campaign/map/contacts/" + contact + "/successor", "/campaign/" + campaign.id() + "/handover")) {
            mvc.perform(post(url).with(teacher).with(csrf())).andExpect(status().isNotFound());
        }
    }

    @Test
    void shouldSendSomeoneNotSignedInToTheSignInPage() throws Exception {
        mvc.perform(get("/campaign/" + campaign.id())).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("http://localhost/login"));
    }

    @Test
    void shouldLetAnOperatorReadTheCampaignButChangeNothing() throws Exception {
        String operator = "ops-" + people.district().code();
        staff.add(new StaffMember(operator, people.district().id(), "Oscar Operator", operator + "@example.org", "en"),
                "secret", Set.of(Role.OPERATOR), List.of());
        RequestPostProcessor ops = user(operator).roles("camunda-admin");
        long contact = fixture.contact(people, "Bea Board", StakeholderGroup.SCHOOL_BOARD, true, "bea@board.example",
                "en");

        assertThat(page("/campaign/" + campaign.id(), ops).select("h1").text()).startsWith("Campaign 2027-28");
        assertThat(page("/campaign/" + campaign.id() + "/plan", ops).select("#row-form")).isEmpty();
        assertThat(page("/campaign/map", ops).select("#map-grid").text()).contains("Bea Board");
        mvc.perform(get("/campaign/" + campaign.id() + "/plan.csv").with(ops)).andExpect(status().isOk());
        mvc.perform(get("/campaign/map/contacts/" + contact).with(ops)).andExpect(status().isNotFound());
        mvc.perform(get("/campaign/" + campaign.id() + "/handover").with(ops)).andExpect(status().isNotFound());
        mvc.perform(post("/campaign/" + campaign.id() + "/plan/rows").with(ops).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/campaign/map/contacts").with(ops).with(csrf()).param("contactName", "X"))
                .andExpect(status().isNotFound());
        assertThat(contacts.current(people.district().id())).hasSize(1);
    }

    @Test
    void shouldKeepAManagerToTheirOwnDistrictsCampaigns() throws Exception {
        People elsewhere = fixture.district();
        RequestPostProcessor otherManager = user(elsewhere.lead()).roles("managers");

        mvc.perform(get("/campaign/" + campaign.id()).with(otherManager)).andExpect(status().isNotFound());
        mvc.perform(get("/campaign/" + campaign.id() + "/plan.csv").with(otherManager)).andExpect(status().isNotFound());
        assertThat(page("/campaign", otherManager).select("#campaigns tbody tr[data-campaign]").eachAttr("data-campaign"))
                .doesNotContain(campaign.businessKey());
        assertThat(page("/campaign", lead()).select("#campaigns tbody tr").eachAttr("data-campaign"))
                .containsExactly(campaign.businessKey());
    }

    @Test
    void shouldRefuseABadProgramYearKeepingWhatWasTypedThenStartTheCampaign() throws Exception {
        Document refused = Jsoup.parse(mvc.perform(post("/campaign").with(lead()).with(csrf())
                        .param("programYear", "2028-30").param("campaignEndsOn", "").param("planApprover", people.approver()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        Element year = refused.getElementById("programYear");
        assertThat(year.val()).isEqualTo("2028-30");
        assertThat(year.hasClass("is-invalid")).isTrue();
        assertThat(year.attr("aria-describedby")).isEqualTo("programYear-error");
        assertThat(refused.getElementById("programYear-error").text()).isEqualTo(
                "Program year: '2028-30' is not a program year: write it like 2026-27, the second year after the first.");
        assertThat(refused.select("#planApprover option[selected]").val()).isEqualTo(people.approver());

        mvc.perform(post("/campaign").with(lead()).with(csrf()).param("programYear", "2027-28")
                        .param("planApprover", people.approver()))
                .andExpect(status().isOk());
        String started = mvc.perform(post("/campaign").with(lead()).with(csrf()).param("programYear", "2028-29")
                        .param("campaignEndsOn", "2028-12-31").param("planApprover", people.approver()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        Campaign next = campaigns.byDistrictAndYear(people.district().id(), "2028-29").orElseThrow();
        assertThat(started).isEqualTo("/campaign/" + next.id());
        assertThat(next.endsOn()).isEqualTo(LocalDate.of(2028, 12, 31));
        assertThat(fixture.task(next, StakeholderCampaign.MAP_DECISION_MAKERS).getAssignee()).isEqualTo(people.lead());
    }

    @Test
    void shouldReRenderABadPlanRowWithItsValuesKeptAndTheCadenceMarked() throws Exception {
        Document page = Jsoup.parse(mvc.perform(row(post("/campaign/" + campaign.id() + "/plan/rows"), "every two weeks"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        Element cadence = page.getElementById("row-cadence");
        assertThat(cadence.val()).isEqualTo("every two weeks");
        assertThat(cadence.hasClass("is-invalid")).isTrue();
        assertThat(page.getElementById("row-cadence-error").text()).startsWith("Cadence: 'every two weeks' is not an "
                + "ISO-8601 period");
        assertThat(page.getElementById("row-audience").val()).isEqualTo("Board finance committee");
        assertThat(page.getElementById("row-audience").hasClass("is-invalid")).isFalse();
        assertThat(page.select("#row-rowOwner option[selected]").val()).isEqualTo(people.ownerA());
        assertThat(page.select("#row-errors li").eachText()).hasSize(1);
        assertThat(plans.rows(campaign.id())).isEmpty();

        mvc.perform(row(post("/campaign/" + campaign.id() + "/plan/rows"), "PT2H")).andExpect(status().isOk());
        mvc.perform(row(post("/campaign/" + campaign.id() + "/plan/rows"), "P2W"))
                .andExpect(status().is3xxRedirection());
        assertThat(plans.rows(campaign.id())).singleElement()
                .satisfies(row -> assertThat(row.cadence().toString()).isEqualTo("P14D"));
    }

    @Test
    void shouldSendThePlanBackFromThePlanPageThenApproveIt() throws Exception {
        mapDone();
        mvc.perform(row(post("/campaign/" + campaign.id() + "/plan/rows"), "P2W")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/campaign/" + campaign.id() + "/plan/submit").with(lead()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        RequestPostProcessor approver = user(people.approver()).roles("managers");

        Document missingComment = Jsoup.parse(mvc.perform(post("/campaign/" + campaign.id() + "/plan/decision")
                        .with(approver).with(csrf()).param("planDecision", "send-back").param("reviewComment", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(missingComment.getElementById("decision-reviewComment").hasClass("is-invalid")).isTrue();
        assertThat(missingComment.getElementById("decision-send-back").hasAttr("checked")).isTrue();
        assertThat(missingComment.select("#decision-errors li").text())
                .isEqualTo("Comments: are needed to send the plan back: say what to change.");

        mvc.perform(post("/campaign/" + campaign.id() + "/plan/decision").with(approver).with(csrf())
                        .param("planDecision", "send-back").param("reviewComment", "Name the union's local."))
                .andExpect(status().is3xxRedirection());
        Document sentBack = page("/campaign/" + campaign.id() + "/plan", lead());
        assertThat(sentBack.getElementById("plan-status").text()).isEqualTo("Sent back");
        assertThat(sentBack.select("#reviews li").text()).contains("Abel Approver").contains("Sent back")
                .contains("Name the union's local.");
        assertThat(sentBack.select("#row-form")).as("the author can change the rows again").hasSize(1);

        mvc.perform(post("/campaign/" + campaign.id() + "/plan/submit").with(lead()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/campaign/" + campaign.id() + "/plan", lead()).select("#row-form")).isEmpty();
        mvc.perform(post("/campaign/" + campaign.id() + "/plan/decision").with(approver).with(csrf())
                        .param("planDecision", "approve"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/campaign/" + campaign.id()));

        assertThat(campaigns.byId(campaign.id()).orElseThrow().planStatus()).isEqualTo(PlanStatus.APPROVED);
        Document overview = page("/campaign/" + campaign.id(), lead());
        assertThat(overview.select("#tracks tbody tr th").text()).contains("Board finance committee");
        assertThat(overview.select("#playbook tbody tr").eachAttr("data-step")).containsExactly("UNION_CONTRACTS",
                "CO_DESIGN", "SCHOOL_BOARD", "COMMUNITY", "FAMILY_TOOLKIT");
        assertThat(overview.getElementById("stage").text()).contains("Brief the school board");
    }

    @Test
    void shouldDrawTheMapAsAGridOfInfluenceByStance() throws Exception {
        mvc.perform(contact(post("/campaign/map/contacts"), "Carmen Chair", "school-board", "high", "champion",
                        "carmen@board.example").param("decisionMaker", "true"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(contact(post("/campaign/map/contacts"), "Sam Sceptic", "educator-union", "medium", "sceptical",
                        "sam@union.example"))
                .andExpect(status().is3xxRedirection());

        Document map = page("/campaign/map", lead());
        assertThat(map.select("#map-grid tr[data-influence=high] td[data-stance=champion]").text())
                .contains("Carmen Chair").contains("Decides");
        assertThat(map.select("#map-grid tr[data-influence=medium] td[data-stance=sceptical]").text())
                .contains("Sam Sceptic").doesNotContain("Decides");
        assertThat(map.select("#map-grid tr[data-influence=high] td[data-stance=opposed]").text()).isEmpty();
        assertThat(map.select("#map-grid thead th").eachText()).containsExactly("Influence", "Champion", "Supportive",
                "Neutral", "Sceptical", "Opposed");

        Document refused = Jsoup.parse(mvc.perform(contact(post("/campaign/map/contacts"), "Nia Nomail",
                        "community-partner", "low", "neutral", "not-an-address"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(refused.getElementById("new-contactEmail").val()).isEqualTo("not-an-address");
        assertThat(refused.getElementById("new-contactEmail").hasClass("is-invalid")).isTrue();
        assertThat(refused.getElementById("new-contactName").val()).isEqualTo("Nia Nomail");
        assertThat(refused.select("#new-contactStance option[selected]").val()).isEqualTo("neutral");
        assertThat(refused.getElementById("new-contactEmail-error").text())
                .isEqualTo("Email: 'not-an-address' is not a valid email address.");
    }

    @Test
    void shouldRateAContactAndRecordThatSomeoneNewHoldsTheirRole() throws Exception {
        long chair = fixture.contact(people, "Carmen Chair", StakeholderGroup.SCHOOL_BOARD, true,
                "carmen@board.example", "en");

        mvc.perform(contact(post("/campaign/map/contacts/" + chair), "Carmen Chair", "school-board", "high", "opposed",
                        "carmen@board.example").param("decisionMaker", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(contacts.byId(chair).orElseThrow().stance().code()).isEqualTo("opposed");

        Document refused = Jsoup.parse(mvc.perform(post("/campaign/map/contacts/" + chair + "/successor").with(lead())
                        .with(csrf()).param("contactName", "").param("contactEmail", "new@board.example")
                        .param("contactLanguage", "es"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(refused.getElementById("successor-contactName").hasClass("is-invalid")).isTrue();
        assertThat(refused.getElementById("successor-contactEmail").val()).isEqualTo("new@board.example");

        mvc.perform(post("/campaign/map/contacts/" + chair + "/successor").with(lead()).with(csrf())
                        .param("contactName", "Nora Newchair").param("contactEmail", "nora@board.example")
                        .param("contactLanguage", "es"))
                .andExpect(status().is3xxRedirection());

        Contact before = contacts.byId(chair).orElseThrow();
        assertThat(before.leftOn()).isEqualTo(TODAY);
        Contact nora = contacts.byId(before.succeededBy()).orElseThrow();
        assertThat(nora.organisation()).isEqualTo(before.organisation());
        assertThat(nora.decisionMaker()).isTrue();
        assertThat(nora.stance().code()).isEqualTo("neutral");
        Document map = page("/campaign/map", lead());
        assertThat(map.select("#map-grid li > a").eachText()).containsExactly("Nora Newchair");
        assertThat(map.select("#former li").text()).contains("Carmen Chair").contains("left on " + TODAY.format(
                java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy", java.util.Locale.ENGLISH)));
    }

    @Test
    void shouldExportThePlanAsCsvThatASpreadsheetOpens() throws Exception {
        mvc.perform(row(post("/campaign/" + campaign.id() + "/plan/rows"), "P1M",
                        Map.of("keyMessage", "=HYPERLINK(\"x\")", "audience", "Familias, \"café\" nights")))
                .andExpect(status().is3xxRedirection());

        byte[] body = mvc.perform(get("/campaign/" + campaign.id() + "/plan.csv").with(lead()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String csv = new String(body, StandardCharsets.UTF_8);

        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = csv.substring(1).lines().toList();
        assertThat(lines.get(0)).isEqualTo("Row,Stakeholder group,Audience,Key message,The ask,Messenger (owner),Channel,"
                + "Language,Cadence,Anchor date,Feedback loop");
        assertThat(lines.get(1)).startsWith("1,School board,\"Familias, \"\"café\"\" nights\",\"'=HYPERLINK(\"\"x\"\")\",")
                .contains(",Olga Owner ").contains(",In person,English,P1M,,");
    }

    @Test
    void shouldExportEveryFormulaStartInThePlanAsText() throws Exception {
        mvc.perform(row(post("/campaign/" + campaign.id() + "/plan/rows"), "P1M", Map.of(
                        "audience", "=cmd|' /C calc'!A0", "keyMessage", "+1+1", "theAsk", "-2+3",
                        "feedbackLoop", "@SUM(A1:A2)")))
                .andExpect(status().is3xxRedirection());

        String csv = mvc.perform(get("/campaign/" + campaign.id() + "/plan.csv").with(lead()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        List<String> lines = csv.substring(1).lines().toList();
        assertThat(lines.get(1)).startsWith("1,School board,'=cmd|' /C calc'!A0,'+1+1,'-2+3,")
                .endsWith(",'@SUM(A1:A2)");
    }

    @Test
    void shouldShowAnOwnerTheirOwnTracksAndNothingElse() throws Exception {
        approvedWithTwoRows();
        RequestPostProcessor ownerA = user(people.ownerA()).roles("coordinators");

        mvc.perform(get("/campaign").with(ownerA)).andExpect(redirectedUrl("/campaign/tracks"));
        Document mine = page("/campaign/tracks", ownerA);
        assertThat(mine.select("[data-track] h2").eachText()).containsExactly("Board finance committee");
        mvc.perform(get("/campaign/" + campaign.id()).with(ownerA)).andExpect(status().isNotFound());
        mvc.perform(get("/campaign/" + campaign.id() + "/plan").with(ownerA)).andExpect(status().isNotFound());
        assertThat(page("/campaign/tracks", user(people.ownerB()).roles("school-leaders"))
                .select("[data-track] h2").eachText()).containsExactly("Local reporters");
    }

    @Test
    void shouldAnswerFeedbackFromTheOwnersPageAndRefuseAnEmptyAnswer() throws Exception {
        approvedWithTwoRows();
        fixture.contact(people, "Bea Board", StakeholderGroup.SCHOOL_BOARD, true, "bea@board.example", "en");
        fixture.runDueJobs(campaign);
        fixture.complete(fixture.tasks(campaign, StakeholderCampaign.HOLD_TOUCHPOINT).stream()
                        .filter(t -> people.ownerA().equals(t.getAssignee())).findFirst().orElseThrow(), people.ownerA(),
                Map.of("heldOn", TODAY.toString(), "shared", "Research brief", "withWhom", "Finance committee",
                        "feedback", "Who pays for the buses?", "feedbackFromEmail", "bea@board.example"));
        long feedbackId = feedbackLog.ofCampaign(campaign.id()).get(0).id();
        RequestPostProcessor ownerA = user(people.ownerA()).roles("coordinators");

        Document refused = Jsoup.parse(mvc.perform(post("/campaign/" + campaign.id() + "/feedback/" + feedbackId
                        + "/answer").with(ownerA).with(csrf()).param("answer", "  ").param("from", "tracks"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        Element field = refused.getElementById("answer-" + feedbackId + "-answerText");
        assertThat(field.hasClass("is-invalid")).isTrue();
        assertThat(refused.getElementById("answer-" + feedbackId + "-answerText-error").text())
                .isEqualTo("What we did: is required.");
        mvc.perform(post("/campaign/" + campaign.id() + "/feedback/" + feedbackId + "/answer")
                        .with(user(people.ownerB()).roles("school-leaders")).with(csrf()).param("answer", "Not mine."))
                .andExpect(status().isNotFound());

        mvc.perform(post("/campaign/" + campaign.id() + "/feedback/" + feedbackId + "/answer").with(ownerA).with(csrf())
                        .param("answer", "The district pays; see the budget line 4.2.").param("from", "tracks"))
                .andExpect(redirectedUrl("/campaign/tracks"));

        var answered = feedbackLog.byId(feedbackId).orElseThrow();
        assertThat(answered.answeredBy()).isEqualTo(people.ownerA());
        assertThat(outbox.find(answered.answerMessageId()).orElseThrow().kind()).isEqualTo(MessageKind.FEEDBACK_ANSWER);
        Document overview = page("/campaign/" + campaign.id(), lead());
        assertThat(overview.select("#answered").text()).contains("Who pays for the buses?")
                .contains("The district pays; see the budget line 4.2.");
    }

    /** A school leader owns a track: the touchpoint says whom it is for, and the feedback task links to a page of theirs. */
    @Test
    void shouldShowASchoolLeaderTheTouchpointsAudienceAndLinkTheirFeedbackToAPageThatIsTheirs() throws Exception {
        approvedWithTwoRows();
        fixture.contact(people, "Rita Reporter", StakeholderGroup.MEDIA, false, "rita@news.example", "en");
        fixture.runDueJobs(campaign);
        RequestPostProcessor leader = user(people.ownerB()).roles("school-leaders");
        var touchpoint = fixture.tasks(campaign, StakeholderCampaign.HOLD_TOUCHPOINT).stream()
                .filter(t -> people.ownerB().equals(t.getAssignee())).findFirst().orElseThrow();
        Document holding = page("/tasks/" + touchpoint.getId(), leader);
        assertThat(holding.getElementById("task-subject").text()).startsWith("Para Local reporters");
        assertThat(holding.select("a[href='/campaign/tracks']")).as("the form's link to the leader's tracks").isNotEmpty();

        fixture.complete(touchpoint, people.ownerB(), Map.of("heldOn", TODAY.toString(), "shared", "Press note",
                "withWhom", "Newsroom", "feedback", "When do results come out?", "feedbackFromEmail", "rita@news.example"));
        var answering = fixture.tasks(campaign, StakeholderCampaign.ANSWER_FEEDBACK).stream()
                .filter(t -> people.ownerB().equals(t.getAssignee())).findFirst().orElseThrow();
        Document task = page("/tasks/" + answering.getId(), leader);
        assertThat(task.getElementById("task-subject").text()).isEqualTo("Comentario de Rita Reporter, Org of Rita Reporter");
        String link = task.select("a[href^='/campaign/tracks']").attr("href");
        assertThat(link).isEqualTo("/campaign/tracks#feedback");
        Document tracksPage = page("/campaign/tracks", leader);
        assertThat(tracksPage.getElementById("feedback")).isNotNull();
        assertThat(tracksPage.text()).contains("When do results come out?");
    }

    @Test
    void shouldHandOverFromThePageKeepingTheFormWhenAReasonIsMissing() throws Exception {
        approvedWithTwoRows();

        Document refused = Jsoup.parse(mvc.perform(post("/campaign/" + campaign.id() + "/handover").with(lead())
                        .with(csrf()).param("handoverFrom", people.ownerA()).param("handoverTo", people.ownerC())
                        .param("handoverReason", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(refused.getElementById("handoverReason").hasClass("is-invalid")).isTrue();
        assertThat(refused.select("#handoverFrom option[selected]").val()).isEqualTo(people.ownerA());
        assertThat(refused.select("#handoverTo option[selected]").val()).isEqualTo(people.ownerC());

        mvc.perform(post("/campaign/" + campaign.id() + "/handover").with(lead()).with(csrf())
                        .param("handoverFrom", people.ownerA()).param("handoverTo", people.ownerC())
                        .param("handoverReason", "New role at the district office."))
                .andExpect(redirectedUrl("/campaign/" + campaign.id()));
        assertThat(tracks.ofCampaign(campaign.id())).extracting(t -> t.ownerUsername())
                .containsExactly(people.ownerC(), people.ownerB());
        assertThat(page("/campaign/" + campaign.id(), lead()).select("#handovers li").text())
                .contains("New role at the district office.");
    }

    @Test
    void shouldOfferTheDistrictsLatestSelfAssessmentOnTheBoardBriefingTask() throws Exception {
        approvedWithTwoRows();
        String task = fixture.task(campaign, StakeholderCampaign.BRIEF_SCHOOL_BOARD).getId();

        Document briefing = page("/tasks/" + task, lead());

        assertThat(briefing.select("a[href=/assessment]").text()).isEqualTo("open the report");
        assertThat(briefing.select("a[href=/assessment/report.pdf]").text()).isEqualTo("download it as a PDF");
        assertThat(briefing.select("input[name=materialsShared][value=self-assessment]")).hasSize(1);
        mvc.perform(get("/assessment/report.pdf").with(lead())).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/assessment/districts/" + people.district().id() + "/report.pdf"));
    }

    private void mapDone() {
        fixture.contact(people, "Dana Decider", StakeholderGroup.SCHOOL_BOARD, true, "dana@board.example", "en");
        fixture.complete(fixture.task(campaign, StakeholderCampaign.MAP_DECISION_MAKERS), people.lead(),
                Map.of("mapReviewed", true));
    }

    private void approvedWithTwoRows() throws Exception {
        mapDone();
        mvc.perform(row(post("/campaign/" + campaign.id() + "/plan/rows"), "P2W")).andExpect(status().is3xxRedirection());
        mvc.perform(row(post("/campaign/" + campaign.id() + "/plan/rows"), "P1M",
                        Map.of("rowGroup", "media", "audience", "Local reporters", "rowOwner", people.ownerB())))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/campaign/" + campaign.id() + "/plan/submit").with(lead()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/campaign/" + campaign.id() + "/plan/decision").with(user(people.approver()).roles("managers"))
                        .with(csrf()).param("planDecision", "approve"))
                .andExpect(status().is3xxRedirection());
    }

    private MockHttpServletRequestBuilder row(MockHttpServletRequestBuilder request, String cadence) {
        return row(request, cadence, Map.of());
    }

    private MockHttpServletRequestBuilder row(MockHttpServletRequestBuilder request, String cadence,
                                              Map<String, String> changes) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("rowGroup", "school-board");
        values.put("audience", "Board finance committee");
        values.put("keyMessage", "Tutoring three times a week moves students a grade level.");
        values.put("theAsk", "Keep the tutoring line in the budget.");
        values.put("rowOwner", people.ownerA());
        values.put("rowChannel", "in-person");
        values.put("rowLanguage", "en");
        values.put("cadence", cadence);
        values.put("anchorOn", "");
        values.put("feedbackLoop", "Questions go to the program manager; answers within a week.");
        values.putAll(changes);
        request.with(lead()).with(csrf());
        values.forEach(request::param);
        return request;
    }

    private MockHttpServletRequestBuilder contact(MockHttpServletRequestBuilder request, String name, String group,
                                                  String influence, String stance, String email) {
        return request.with(lead()).with(csrf()).param("contactName", name).param("contactOrganisation", "Org of " + name)
                .param("contactGroup", group).param("contactRole", "Member").param("contactInfluence", influence)
                .param("contactStance", stance).param("contactEmail", email).param("contactLanguage", "en")
                .param("contactChannel", "email").param("contactOwner", people.lead());
    }

    private RequestPostProcessor lead() {
        return user(people.lead()).roles("managers");
    }

    private Document page(String url, RequestPostProcessor person) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(person)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
