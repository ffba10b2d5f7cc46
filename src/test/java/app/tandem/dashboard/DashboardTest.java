package app.tandem.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import app.tandem.TandemTest;
import app.tandem.directory.District;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.program.MilestoneKind;
import app.tandem.program.Milestones;
import app.tandem.program.ProgramFixture;
import app.tandem.program.ProgramFixture.Program;
import app.tandem.program.ProgramRef;
import app.tandem.program.SchoolProgram;
import app.tandem.system.ProcessVariables;

@TandemTest
class DashboardTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 4);
    private static final LocalDate START = TODAY.plusDays(28);
    private static final LocalDate LAST_DAY = START.plusDays(83);

    @Autowired
    MockMvc mvc;
    @Autowired
    ProgramFixture fixture;
    @Autowired
    ProgramPlay play;
    @Autowired
    Milestones milestones;
    @Autowired
    RuntimeService runtime;
    @Autowired
    Schools schools;
    @Autowired
    StaffDirectory staff;
    @Autowired
    ProgramStandings standings;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldListANewProgramInAlignmentWithNoDataYetRatherThanZero() throws Exception {
        fixture.today(TODAY);
        Program program = fixture.start(START, LAST_DAY, "P2W");

        Element row = rowOf(dashboard(program), program);

        assertThat(row.select("td.phase").text()).isEqualTo("Alignment");
        assertThat(row.text()).contains("Schedule the alignment meeting", "Jan 18, 2027");
        for (String code : List.of("4d.1", "4d.2", "4d.3", "4e.1", "4e.2", "4e.3")) {
            assertThat(row.select("td[data-indicator=" + code + "]").text()).as(code).isEqualTo("No data yet");
        }
        assertThat(row.text()).doesNotContain("0 %");
        assertThat(row.select("td.status").text()).isEqualTo("Green");
    }

    @Test
    void shouldShowAlignmentMetAndHalfTheCheckInsForATermUnderWay() throws Exception {
        fixture.today(TODAY);
        Program program = fixture.start(START, LAST_DAY, "P2W");
        play.schedule(program, TODAY, TODAY.plusDays(7));
        play.holdAlignment(program, TODAY.plusDays(7));
        play.fire(program, SchoolProgram.TERM_STARTS, START);
        play.holdCheckIn(program, START.plusDays(5), 12);
        play.fire(program, SchoolProgram.NEXT_WINDOW_OPENS, START.plusDays(14));
        play.fire(program, SchoolProgram.CHECK_IN_WINDOW_CLOSED, START.plusDays(28));
        fixture.today(START.plusDays(30));

        Element row = rowOf(dashboard(program), program);
        assertThat(row.select("td.phase").text()).isEqualTo("Term under way");
        assertThat(row.text()).contains("Check-in 3", "Mar 14, 2027");
        assertThat(row.select("td[data-indicator=4d.1]").text()).isEqualTo("Met");
        assertThat(row.select("td[data-indicator=4d.2]").text()).isEqualTo("50 % 1 of 2");
        assertThat(row.select("td[data-indicator=4d.3]").text()).isEqualTo("No data yet");
        assertThat(row.select("td.status").text()).isEqualTo("Amber");

        Document term = page("/dashboard/terms/" + program.term().id(), "dashboard-manager");
        assertThat(term.select("#indicator-4d-1 .indicator-value").text()).isEqualTo("Met");
        assertThat(term.select("#indicator-4d-2 .indicator-value").text()).isEqualTo("50 % 1 of 2");
        assertThat(term.select("#indicator-4d-2").text()).contains("held within their window");
        assertThat(term.select("#indicator-4e-1 .indicator-value").text()).isEqualTo("No data yet");
        assertThat(term.select(".timeline > li").eachText()).containsExactly(
                "Alignment meeting Due by Jan 31, 2027 Planned for Jan 11, 2027 4:00 PM–5:00 PM Place: Library "
                        + "Held on Jan 11, 2027 Held in time",
                "Check-in 1 Window Feb 1, 2027 to Feb 14, 2027 Held on Feb 6, 2027 Held in time",
                "Check-in 2 Window Feb 15, 2027 to Feb 28, 2027 Missed",
                "Check-in 3 Window Mar 1, 2027 to Mar 14, 2027 Planned",
                "Close-out meeting Due by May 9, 2027 Not planned yet");
        assertThat(term.select("#cycles-none").text()).isEqualTo("No caregiver updates recorded yet.");
        assertThat(term.select("canvas[data-chart]")).hasSize(1);
        assertThat(term.select("#position strong").text()).isEqualTo("Hold the progress check-in");
        assertThat(term.select("g.diagram-current").eachAttr("data-activity")).containsExactly(
                SchoolProgram.HOLD_CHECK_IN);

        String checkIn = term.select(".timeline > li a:contains(Check-in 1)").attr("href");
        Document record = page(checkIn, "dashboard-manager");
        assertThat(record.select("h1").text()).isEqualTo("Check-in 1 Held in time");
        assertThat(record.select("#held-on").text()).isEqualTo("Feb 6, 2027");
        assertThat(record.select("#attendees li").eachText()).containsExactly("Teacher " + number(program));
        assertThat(record.select("#recorded-by").text()).startsWith("dashboard-coordinator, Feb 6, 2027");
        assertThat(record.text()).contains("Two students struggle with fractions.", "Share the fractions unit plan.");
    }

    @Test
    void shouldShowAlignmentNotMetInRedOnceTheTermStartedWithoutIt() throws Exception {
        fixture.today(TODAY);
        Program program = fixture.start(START, LAST_DAY, "P2W");
        play.schedule(program, TODAY, START.plusDays(2));
        fixture.today(START);

        Element row = rowOf(dashboard(program), program);

        assertThat(row.select("td.phase").text()).isEqualTo("Alignment");
        assertThat(row.select("td[data-indicator=4d.1]").text()).isEqualTo("Not met");
        assertThat(row.select("td.status").text()).isEqualTo("Red");
    }

    @Test
    void shouldRunTheTermWithoutAnAlignmentMeetingAndShowOneRecordedLateAsHeldLate() throws Exception {
        fixture.today(TODAY);
        Program program = fixture.start(START, LAST_DAY, "P2W");
        play.startWithoutAlignment(program);

        Element row = rowOf(dashboard(program), program);
        assertThat(row.select("td.phase").text()).isEqualTo("Term under way");
        assertThat(row.text()).contains("Check-in 1");
        assertThat(row.select("td[data-indicator=4d.1]").text()).isEqualTo("Not met");

        play.schedule(program, START.plusDays(1), START.plusDays(3));
        play.holdAlignment(program, START.plusDays(3));

        row = rowOf(dashboard(program), program);
        assertThat(row.select("td.phase").text()).as("the late meeting does not take the term back")
                .isEqualTo("Term under way");
        assertThat(row.select("td[data-indicator=4d.1]").text()).isEqualTo("Not met");
        Document term = page("/dashboard/terms/" + program.term().id(), "dashboard-manager");
        assertThat(term.select(".timeline > li").first().text()).contains("Held on Feb 4, 2027", "Held late");
    }

    @Test
    void shouldMeetTheCloseOutOnlyWithinTheSetNumberOfDaysOfTheEnd() throws Exception {
        fixture.today(TODAY);
        Program onTime = fixture.start(START, LAST_DAY, "P2W");
        Program late = fixture.start(START, LAST_DAY, "P2W");
        recordCloseOut(onTime, LAST_DAY.plusDays(14));
        recordCloseOut(late, LAST_DAY.plusDays(15));
        fixture.today(LAST_DAY.plusDays(20));

        assertThat(rowOf(dashboard(onTime), onTime).select("td[data-indicator=4d.3]").text()).isEqualTo("Met");
        assertThat(rowOf(dashboard(late), late).select("td[data-indicator=4d.3]").text()).isEqualTo("Not met");
        Document term = page("/dashboard/terms/" + late.term().id(), "dashboard-manager");
        assertThat(term.select("#indicator-4d-3").text())
                .contains("Met when the close-out meeting was held within 14 days of the term's last day.");
        assertThat(term.select(".timeline > li").last().text()).contains("Held on May 10, 2027", "Held late");
    }

    @Test
    void shouldDateTheCloseOutByTheWindowTheDistrictSetOnItsPage() throws Exception {
        fixture.today(TODAY);
        District district = schools.addDistrict("window-" + System.nanoTime(), "Window District",
                ZoneId.of("America/Chicago"));
        School school = schools.add(district.id(), district.code() + "-birch", "Birch " + district.code());
        mvc.perform(post("/admin/district").param("district", String.valueOf(district.id()))
                        .with(user("dashboard-operator").roles("camunda-admin")).with(csrf())
                        .param("districtName", district.name()).param("timeZone", "America/Chicago")
                        .param("programYear", "2026-27").param("programYearStartsOn", "2026-08-17")
                        .param("programYearEndsOn", "2027-06-04").param("closeOutWithin", "P21D"))
                .andExpect(status().is3xxRedirection());
        String pi = fixture.startAt(school, START, LAST_DAY);
        long termId = ((Number) runtime.getVariable(pi, ProcessVariables.TERM_ID)).longValue();

        Document term = page("/dashboard/terms/" + termId, "dashboard-manager");
        assertThat(term.select(".timeline > li").last().text())
                .isEqualTo("Close-out meeting Due by May 16, 2027 Not planned yet");
        assertThat(term.select("#indicator-4d-3").text()).contains("held within 21 days of the term's last day");
        // Fifteen days after the last day: late by Tandem's default of 14, not by the district's 21.
        fixture.today(LAST_DAY.plusDays(15));
        Element row = page("/dashboard?terms=all&q=" + school.name(), "dashboard-manager")
                .selectFirst("tr[data-school=" + school.code() + "]");
        assertThat(row.select("td[data-indicator=4d.3]").text()).isEqualTo("No data yet");
        fixture.today(LAST_DAY.plusDays(22));
        row = page("/dashboard?terms=all&q=" + school.name(), "dashboard-manager")
                .selectFirst("tr[data-school=" + school.code() + "]");
        assertThat(row.select("td[data-indicator=4d.3]").text()).isEqualTo("Not met");
    }

    @Test
    void shouldCountOverdueTasksByRoleAndOpenIncidentsOnTheSchoolsRow() throws Exception {
        fixture.today(TODAY);
        Program program = fixture.start(START, LAST_DAY, "P2W");
        fixture.today(START.minusDays(10));

        Element row = rowOf(dashboard(program), program);
        assertThat(row.select("td.overdue").text()).isEqualTo("Coordinators: 1");
        assertThat(row.select("td.status").text()).isEqualTo("Amber");

        String waiting = runtime.createExecutionQuery().processInstanceId(program.processInstanceId())
                .activityId(SchoolProgram.SCHEDULE_ALIGNMENT_MEETING).singleResult().getId();
        runtime.createIncident("dashboard-test", waiting, "undeliverable", "Mail bounced");
        row = rowOf(dashboard(program), program);
        assertThat(row.select("td.incidents").text()).isEqualTo("1");
        assertThat(row.select("td.status").text()).isEqualTo("Red");
    }

    @Test
    void shouldExportTheListAsCsvThatOpensInASpreadsheet() throws Exception {
        fixture.today(TODAY);
        Program program = fixture.start(START, LAST_DAY, "P2W");
        play.schedule(program, TODAY, TODAY.plusDays(7));
        play.holdAlignment(program, TODAY.plusDays(7));

        var response = mvc.perform(get("/dashboard/export.csv").param("terms", "all").param("q", program.school().name())
                        .with(user("dashboard-manager").roles("managers")))
                .andExpect(status().isOk())
                .andReturn().getResponse();

        assertThat(response.getContentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment; filename=\"tandem-dashboard-");
        byte[] bytes = response.getContentAsByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines.get(0)).startsWith("School code,School,Term,Term starts,Term ends,Phase,Next milestone,")
                .contains("4d.1 met,4d.1 counted,4d.1 result (%)");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith(program.school().code() + "," + program.school().name()
                + ",Term 1,2027-02-01,2027-04-25,Waiting for the start,Term starts,2027-02-01,Green,0,0,No data yet,"
                + "1,1,100,0,0,No data yet,0,0,No data yet,0,0,No data yet");
    }

    @Test
    void shouldExportASchoolNamedLikeAFormulaAsTextInTheCsv() throws Exception {
        fixture.today(TODAY);
        School neighbour = fixture.newSchool();
        School school = schools.add(neighbour.districtId(), "formula-" + neighbour.code(), "=cmd|' /C calc'!A0");
        fixture.startAt(school, START, LAST_DAY);

        String csv = mvc.perform(get("/dashboard/export.csv").param("terms", "all").param("q", school.code())
                        .with(user("dashboard-manager").roles("managers")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        List<String> lines = csv.substring(1).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith(school.code() + ",'=cmd|' /C calc'!A0,");
    }

    @Test
    void shouldDrillDownFromAnIndicatorToEachSchoolsFigureAndRule() throws Exception {
        fixture.today(TODAY);
        Program program = fixture.start(START, LAST_DAY, "P2W");
        play.schedule(program, TODAY, TODAY.plusDays(7));
        play.holdAlignment(program, TODAY.plusDays(7));

        Document indicator = page("/dashboard/indicators/4d.1", "dashboard-manager");

        assertThat(indicator.select("h1").text()).isEqualTo("4d.1 Alignment before the start");
        assertThat(indicator.select("#rule").text()).startsWith("Met when the alignment meeting");
        // Lowest figures come first, 25 to a page; other tests' schools share the database, so look page by page.
        Element row = null;
        for (int pageNo = 0; row == null && pageNo < 100; pageNo++) {
            Document onePage = page("/dashboard/indicators/4d.1?page=" + pageNo, "dashboard-manager");
            row = onePage.select("tr").stream()
                    .filter(tr -> tr.select("a").text().equals(program.school().name()))
                    .findFirst().orElse(null);
        }
        assertThat(row).isNotNull();
        assertThat(row.select("td").last().text()).isEqualTo("Met");
        assertThat(row.select("a").attr("href")).isEqualTo("/dashboard/terms/" + program.term().id() + "#indicator-4d-1");
    }

    @Test
    void shouldOfferOperatorsTheInstanceInCockpitAndManagersNot() throws Exception {
        fixture.today(TODAY);
        Program program = fixture.start(START, LAST_DAY, "P2W");

        Document forOperator = page("/dashboard/terms/" + program.term().id(), "dashboard-operator", "camunda-admin");
        Document forManager = page("/dashboard/terms/" + program.term().id(), "dashboard-manager");

        assertThat(forOperator.select("#cockpit-link").attr("href"))
                .isEqualTo("/camunda/app/cockpit/default/#/process-instance/" + program.processInstanceId() + "/runtime");
        assertThat(forManager.select("#cockpit-link")).isEmpty();
    }

    @Test
    void shouldDrawTheDiagramWithTheNumberOfProgramsAtEachStep() throws Exception {
        fixture.today(TODAY);
        fixture.start(START, LAST_DAY, "P2W");

        Document diagram = page("/dashboard/diagram", "dashboard-manager");

        assertThat(diagram.select("svg.process-diagram g[data-activity=holdCheckIn] text").text())
                .contains("Hold the progress check-in");
        double held = Double.parseDouble(diagram.select("g[data-activity=alignmentMeetingHeld] text.diagram-label")
                .attr("x"));
        double moved = Double.parseDouble(diagram.select(
                "g[data-activity=alignmentMeetingToBeMoved] text.diagram-label").attr("x"));
        assertThat(held - moved).as("two events' labels stand where the model's layout puts them, apart")
                .isGreaterThan(100);
        int waiting = Integer.parseInt(diagram.select("g[data-activity=scheduleAlignmentMeeting] .diagram-count text")
                .text());
        assertThat(waiting).isPositive();
        assertThat(diagram.select("#activity-counts tr").stream()
                .filter(tr -> tr.select("th, td").first().text().equals("Schedule the alignment meeting"))
                .map(tr -> tr.select("td").last().text()).findFirst().orElse(""))
                .isEqualTo(String.valueOf(waiting));
        assertThat(diagram.select("polyline.diagram-edge")).hasSizeGreaterThan(20);
    }

    @Test
    void shouldListTheSchoolsAtAStepFromItsCountOnTheDiagram() throws Exception {
        fixture.today(TODAY);
        Program waiting = fixture.start(START, LAST_DAY, "P2W");
        Program scheduled = fixture.start(START, LAST_DAY, "P2W");
        play.schedule(scheduled, TODAY, TODAY.plusDays(7));

        Document diagram = page("/dashboard/diagram", "dashboard-manager");
        String link = diagram.select("g[data-activity=scheduleAlignmentMeeting] a.diagram-count").attr("href");
        assertThat(link).isEqualTo("/dashboard/diagram/scheduleAlignmentMeeting");
        assertThat(diagram.select("#activity-counts a[href=" + link + "]")).hasSize(1);

        Document step = page(link, "dashboard-manager");
        assertThat(step.select("h1").text()).isEqualTo("Schools at: Schedule the alignment meeting");
        assertThat(step.select("#programs-at-step li").eachAttr("data-school")).contains(waiting.school().code())
                .doesNotContain(scheduled.school().code());
        assertThat(step.select("li[data-school=" + waiting.school().code() + "] a").attr("href"))
                .isEqualTo("/dashboard/terms/" + waiting.term().id());
        assertThat(page("/dashboard/diagram/holdAlignmentMeeting", "dashboard-manager")
                .select("#programs-at-step li").eachAttr("data-school")).contains(scheduled.school().code());
        mvc.perform(get("/dashboard/diagram/noSuchStep").with(user("dashboard-manager").roles("managers")))
                .andExpect(status().isNotFound());
    }

    private void recordCloseOut(Program program, LocalDate heldOn) {
        ProgramRef ref = new ProgramRef(program.school().id(), program.term().id(), program.processInstanceId());
        milestones.recordHeld(ref, MilestoneKind.CLOSE_OUT_MEETING, 1, LAST_DAY.plusDays(14), heldOn, 2, null,
                "dashboard-coordinator", heldOn.atTime(15, 0));
    }

    @Test
    void shouldListTheCurrentProgramsUnlessAskedForAProgramYearOrEveryTerm() throws Exception {
        fixture.today(TODAY);
        Program lastFall = fixture.start(TODAY.minusDays(120), TODAY.minusDays(30), "P2W");
        standings.save(new Standing(lastFall.term().id(), lastFall.school().id(), lastFall.processInstanceId(),
                Phase.CLOSED, null, null, null));
        Program upcoming = fixture.start(START, LAST_DAY, "P2W");
        Program underWay = fixture.start(TODAY.plusDays(7), TODAY.plusDays(60), "P2W");
        School nextYearsSchool = fixture.newSchool();
        LocalDate nextYearStart = LocalDate.of(2027, 9, 6);
        fixture.startAt(nextYearsSchool, nextYearStart, nextYearStart.plusDays(100));
        fixture.today(TODAY.plusDays(10));

        Document byDefault = page("/dashboard", "dashboard-manager");
        assertThat(byDefault.select("#terms option[selected]").text()).isEqualTo("Current programs");
        assertThat(byDefault.select("#terms option").eachText()).contains("Starting in 2027-28", "Every term");
        assertThat(listed("", underWay.school())).as("under way").isTrue();
        assertThat(listed("", upcoming.school())).as("preparing its start").isTrue();
        assertThat(listed("", nextYearsSchool)).as("next year's, preparing").isTrue();
        assertThat(listed("", lastFall.school())).as("closed last fall").isFalse();
        assertThat(listed("terms=all", lastFall.school())).isTrue();

        assertThat(listed("terms=2027-28", nextYearsSchool)).isTrue();
        assertThat(listed("terms=2027-28", underWay.school())).isFalse();
        assertThat(listed("terms=2026-27", upcoming.school())).isTrue();
        assertThat(listed("terms=all", upcoming.school())).isTrue();
        assertThat(listed("terms=all", nextYearsSchool)).isTrue();

        Document nextYear = page("/dashboard?terms=2027-28", "dashboard-manager");
        // The fixture names the term after its first day; other tests' terms share the database, so pick it by name.
        String nextYearsTerm = "Term from Sep 6, 2027";
        assertThat(nextYear.select("#term option").eachText()).contains(nextYearsTerm);
        assertThat(listed("terms=2027-28&term=" + nextYearsTerm, nextYearsSchool)).isTrue();
        assertThat(listed("terms=all&term=Term 1", nextYearsSchool)).isFalse();
        assertThat(listed("terms=all&term=Term 1", upcoming.school())).isTrue();
        // The sort links keep the terms chosen.
        Element sortBySchool = nextYear.selectFirst("a[href*=sort=school]");
        assertThat(sortBySchool).isNotNull();
        assertThat(sortBySchool.attr("href")).contains("terms=2027-28");
    }

    /** Whether the school is in the list, every page of it: the export holds the whole list. */
    private boolean listed(String terms, School school) throws Exception {
        String csv = mvc.perform(get("/dashboard/export.csv?" + terms).param("q", school.code())
                        .with(user("dashboard-manager").roles("managers")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return csv.lines().anyMatch(line -> line.startsWith(school.code() + ","));
    }

    private Document dashboard(Program program) throws Exception {
        return page("/dashboard?terms=all&q=" + program.school().name(), "dashboard-manager");
    }

    private Element rowOf(Document dashboard, Program program) {
        Element row = dashboard.selectFirst("tr[data-school=" + program.school().code() + "]");
        assertThat(row).as("the row of " + program.school().name()).isNotNull();
        return row;
    }

    @Test
    void shouldListTasksWaitingInAGroupNobodyAtTheSchoolIsInForTheManagers() throws Exception {
        fixture.today(TODAY);
        Program program = fixture.start(START, LAST_DAY, "P2W");
        String line = program.school().name() + ": Coordinators, 1 task";

        assertThat(page("/dashboard", "dashboard-manager").select("#unstaffed li").eachText())
                .as("the school has a leader and a teacher, no coordinator").contains(line);

        staff.add(new StaffMember("coordinator-at-" + program.school().code(), program.school().districtId(),
                "Casey Coordinator", "casey-" + program.school().code() + "@example.org", "en"), "secret",
                Set.of(Role.COORDINATOR), List.of(program.school().id()));
        assertThat(page("/dashboard", "dashboard-manager").select("#unstaffed li").eachText()).doesNotContain(line);
    }

    @Test
    void shouldShowTheLeaderTheCheckInsTimesAndPlacesAndWhoAttendedEachOnThe4d2DrillDown() throws Exception {
        fixture.today(TODAY);
        Program program = fixture.start(START, LAST_DAY, "P2W");
        play.schedule(program, TODAY, TODAY.plusDays(7));
        play.holdAlignment(program, TODAY.plusDays(7));
        play.fire(program, SchoolProgram.TERM_STARTS, START);
        play.scheduleCheckIn(program, START, START.plusDays(5), "15:30", "Room 12");
        play.holdCheckIn(program, START.plusDays(5), 12);
        play.fire(program, SchoolProgram.NEXT_WINDOW_OPENS, START.plusDays(14));
        play.scheduleCheckIn(program, START.plusDays(15), START.plusDays(20), "08:15", "Library");
        fixture.today(START.plusDays(16));

        Document term = page("/dashboard/terms/" + program.term().id(), program.leader(), "school-leaders");
        assertThat(term.select(".timeline > li").eachText()).contains(
                "Check-in 1 Window Feb 1, 2027 to Feb 14, 2027 Planned for Feb 6, 2027 3:30 PM–4:15 PM Place: Room 12 "
                        + "Held on Feb 6, 2027 Held in time",
                "Check-in 2 Window Feb 15, 2027 to Feb 28, 2027 Planned for Feb 21, 2027 8:15 AM–9:00 AM Place: Library "
                        + "Planned");

        Document drillDown = page("/dashboard/indicators/4d.2", program.leader(), "school-leaders");
        assertThat(drillDown.select("td.check-in-attendance").eachText())
                .containsExactly("Check-in 1, Feb 6, 2027: Teacher " + number(program));
        String record = drillDown.select("td.check-in-attendance a").attr("href");
        Document checkIn = page(record, program.leader(), "school-leaders");
        assertThat(checkIn.select("#meeting-time").text()).isEqualTo("3:30 PM–4:15 PM");
        assertThat(checkIn.select("#meeting-place").text()).isEqualTo("Room 12");
        assertThat(checkIn.select("#attendees li").eachText()).containsExactly("Teacher " + number(program));
    }

    private Document page(String url, String username) throws Exception {
        return page(url, username, "managers");
    }

    private Document page(String url, String username, String role) throws Exception {
        String html = mvc.perform(get(url).with(user(username).roles(role)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }

    private static String number(Program program) {
        return program.school().code().substring("school-".length());
    }
}
