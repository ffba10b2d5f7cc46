package app.tandem.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import app.tandem.TandemTest;
import app.tandem.directory.District;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.directory.Term;
import app.tandem.directory.TermPlan;
import app.tandem.directory.Terms;
import app.tandem.program.MilestoneKind;
import app.tandem.program.Milestones;
import app.tandem.program.ProgramFixture;
import app.tandem.program.ProgramFixture.Program;
import app.tandem.program.SchoolProgramLauncher;

@TandemTest
class DashboardAccessTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 4);

    @Autowired
    MockMvc mvc;
    @Autowired
    ProgramFixture fixture;
    @Autowired
    ProgramPlay play;
    @Autowired
    Milestones milestones;
    @Autowired
    Schools schools;
    @Autowired
    Terms terms;
    @Autowired
    StaffDirectory staff;
    @Autowired
    SchoolProgramLauncher launcher;

    private Program leadersSchool;
    private Program otherSchool;

    @BeforeEach
    void twoSchools() {
        fixture.today(TODAY);
        leadersSchool = fixture.start(TODAY.plusDays(28), TODAY.plusDays(111), "P2W");
        otherSchool = fixture.start(TODAY.plusDays(28), TODAY.plusDays(111), "P2W");
        play.schedule(otherSchool, TODAY, TODAY.plusDays(7));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldAnswerNotFoundToATeacherEverywhereOnTheDashboard() throws Exception {
        RequestPostProcessor teacher = user(leadersSchool.teacher()).roles("teachers");

        for (String url : new String[] {"/dashboard", "/dashboard/export.csv", "/dashboard/diagram",
                "/dashboard/diagram/scheduleAlignmentMeeting",
                "/dashboard/indicators/4d.1", "/dashboard/terms/" + leadersSchool.term().id(),
                "/dashboard/milestones/" + alignmentOf(otherSchool)}) {
            mvc.perform(get(url).with(teacher)).andExpect(status().isNotFound());
        }
    }

    @Test
    void shouldSendSomeoneNotSignedInToTheSignInPage() throws Exception {
        mvc.perform(get("/dashboard")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("http://localhost/login"));
    }

    @Test
    void shouldShowASchoolLeaderOnlyTheirOwnSchool() throws Exception {
        RequestPostProcessor leader = user(leadersSchool.leader()).roles("school-leaders");

        Document dashboard = page("/dashboard?terms=all", leader);
        assertThat(dashboard.select("#schools tbody tr").eachAttr("data-school"))
                .containsExactly(leadersSchool.school().code());
        assertThat(dashboard.select("p.text-body-secondary").first().text()).startsWith("Your schools, 1 in all");
        assertThat(page("/dashboard/terms/" + leadersSchool.term().id(), leader).select("h1").text())
                .isEqualTo(leadersSchool.school().name());
        String csv = mvc.perform(get("/dashboard/export.csv").param("terms", "all").with(leader)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().skip(1).toList()).singleElement().asString()
                .startsWith(leadersSchool.school().code() + ",");

        mvc.perform(get("/dashboard/terms/" + otherSchool.term().id()).with(leader)).andExpect(status().isNotFound());
        assertThat(page("/dashboard/diagram/scheduleAlignmentMeeting", leader).select("#programs-at-step li")
                .eachAttr("data-school")).containsExactly(leadersSchool.school().code());
        mvc.perform(get("/dashboard/milestones/" + alignmentOf(otherSchool)).with(leader))
                .andExpect(status().isNotFound());
    }

    @Test
    void shouldShowAManagerEverySchoolOfTheDistrict() throws Exception {
        RequestPostProcessor manager = user("access-manager").roles("managers");

        for (Program program : List.of(leadersSchool, otherSchool)) {
            Document dashboard = page("/dashboard?terms=all&q=" + program.school().name(), manager);
            assertThat(dashboard.select("#schools tbody tr").eachAttr("data-school")).contains(program.school().code());
        }
        mvc.perform(get("/dashboard/milestones/" + alignmentOf(otherSchool)).with(manager)).andExpect(status().isOk());
    }

    @Test
    void shouldKeepAManagerToTheSchoolsOfTheirOwnDistrict() throws Exception {
        District elsewhere = schools.districtByCode("elsewhere")
                .orElseGet(() -> schools.addDistrict("elsewhere", "Elsewhere District", ZoneId.of("America/Chicago")));
        School farAway = schools.add(elsewhere.id(), "far-" + otherSchool.school().code(), "Far Away School");
        Term term = terms.plan(new TermPlan(farAway.id(), "term-1", "Term 1", TODAY.plusDays(28), TODAY.plusDays(111),
                "P2W"));
        launcher.start(term.id());
        String manager = "manager-of-" + leadersSchool.school().code();
        staff.add(new StaffMember(manager, leadersSchool.school().districtId(), "Morgan Reyes", "m@example.org", "en"),
                "secret", Set.of(Role.MANAGER), List.of());
        RequestPostProcessor districtManager = user(manager).roles("managers");

        assertThat(page("/dashboard?terms=all&q=" + leadersSchool.school().name(), districtManager)
                .select("#schools tbody tr").eachAttr("data-school")).contains(leadersSchool.school().code());
        assertThat(page("/dashboard?terms=all&q=Far Away School", districtManager).select("#schools tbody tr")).isEmpty();
        assertThat(page("/dashboard?terms=all&q=Far Away School", user("dashboard-operator").roles("camunda-admin"))
                .select("#schools tbody tr").eachAttr("data-school")).contains(farAway.code());
        mvc.perform(get("/dashboard/terms/" + term.id()).with(districtManager)).andExpect(status().isNotFound());
    }

    @Test
    void shouldAnswerNotFoundForATermOrMilestoneThatDoesNotExist() throws Exception {
        RequestPostProcessor manager = user("access-manager").roles("managers");

        mvc.perform(get("/dashboard/terms/999999").with(manager)).andExpect(status().isNotFound());
        mvc.perform(get("/dashboard/milestones/999999").with(manager)).andExpect(status().isNotFound());
        mvc.perform(get("/dashboard/indicators/9z.9").with(manager)).andExpect(status().isNotFound());
    }

    private long alignmentOf(Program program) {
        return milestones.find(program.term().id(), MilestoneKind.ALIGNMENT_MEETING, 1).orElseThrow().id();
    }

    private Document page(String url, RequestPostProcessor person) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(person)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
