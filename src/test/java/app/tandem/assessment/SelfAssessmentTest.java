package app.tandem.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
import app.tandem.program.ProgramRef;
import app.tandem.program.SchoolProgramLauncher;

/**
 * A district of three schools whose fall term of 2025-26 ended, read in February 2026: the alignment meetings
 * each test records make 4d.1 none, partly or fully in place.
 */
@TandemTest
class SelfAssessmentTest {

    private static final AtomicInteger DISTRICTS = new AtomicInteger();
    private static final LocalDate PLANNED = LocalDate.of(2025, 8, 1);
    private static final LocalDate STARTS = LocalDate.of(2025, 9, 1);
    private static final LocalDate ENDS = LocalDate.of(2025, 12, 19);
    private static final LocalDate TODAY = LocalDate.of(2026, 2, 2);

    @Autowired
    MockMvc mvc;
    @Autowired
    ProgramFixture fixture;
    @Autowired
    Schools schools;
    @Autowired
    Terms terms;
    @Autowired
    StaffDirectory staff;
    @Autowired
    SchoolProgramLauncher launcher;
    @Autowired
    Milestones milestones;

    private District district;
    private final List<ProgramRef> programs = new ArrayList<>();
    private String manager;
    private String leader;

    @BeforeEach
    void threeSchools() {
        int n = DISTRICTS.incrementAndGet();
        fixture.today(PLANNED);
        district = schools.addDistrict("assess-" + n, "Assessed District " + n, ZoneId.of("America/Chicago"));
        for (int i = 1; i <= 3; i++) {
            School school = schools.add(district.id(), "assess-" + n + "-" + i, "Assessed School " + n + "." + i);
            Term term = terms.plan(new TermPlan(school.id(), "fall-2025", "Fall 2025", STARTS, ENDS, "P2W"));
            programs.add(new ProgramRef(school.id(), term.id(), launcher.start(term.id())));
        }
        manager = "assess-manager-" + n;
        staff.add(new StaffMember(manager, district.id(), "Morgan Reyes", manager + "@example.org", "en"), "secret",
                Set.of(Role.MANAGER), List.of());
        leader = "assess-leader-" + n;
        staff.add(new StaffMember(leader, district.id(), "Dana Ortiz", leader + "@example.org", "en"), "secret",
                Set.of(Role.SCHOOL_LEADER), List.of(programs.get(0).schoolId()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldRateAlignmentNotInPlaceWhenNoSchoolMetBeforeItsTermStarted() throws Exception {
        fixture.today(TODAY);

        Document report = page("/assessment/districts/" + district.id(), manager);

        assertThat(report.select("h1").text()).isEqualTo("Self-assessment 2025-26: Assessed District " + number());
        assertThat(cell(report, "4d.1", "figure")).isEqualTo("0 % 0 of 3 terms began after an alignment meeting");
        assertThat(cell(report, "4d.1", "proposed")).isEqualTo("Not in place");
        assertThat(cell(report, "4d.1", "thresholds")).isEqualTo("In place from 80 %, partly from 50 %");
        assertThat(cell(report, "4e.1", "proposed")).isEqualTo("Not rated yet");
        assertThat(cell(report, "4d.1", "standing")).isEqualTo("Not in place Not confirmed yet");
    }

    @Test
    void shouldRateAlignmentPartlyInPlaceWhenTwoOfThreeSchoolsMet() throws Exception {
        holdAlignment(0, STARTS.minusDays(10));
        holdAlignment(1, STARTS.minusDays(3));
        holdAlignment(2, STARTS.plusDays(4));
        fixture.today(TODAY);

        Document report = page("/assessment/districts/" + district.id(), manager);

        assertThat(cell(report, "4d.1", "figure")).isEqualTo("67 % 2 of 3 terms began after an alignment meeting");
        assertThat(cell(report, "4d.1", "proposed")).isEqualTo("Partly in place");
        assertThat(report.select("#indicator-4d-1 .per-term tbody tr").eachText())
                .containsExactly("Fall 2025 3 schools Sep 1, 2025 to Dec 19, 2025 67 % 2 of 3 terms began after an "
                        + "alignment meeting");
        assertThat(report.select("#indicator-4d-1 svg.bar-chart rect")).hasSize(1);
        assertThat(report.select("#indicator-4d-1 a[href=/dashboard/indicators/4d.1]")).hasSize(1);
    }

    @Test
    void shouldRateAlignmentInPlaceWhenEverySchoolMetAndLetThresholdsMoveTheRating() throws Exception {
        for (int i = 0; i < 3; i++) {
            holdAlignment(i, STARTS.minusDays(7));
        }
        holdCheckIn(0, 1, true);
        holdCheckIn(0, 2, false);
        fixture.today(TODAY);

        Document report = page("/assessment/districts/" + district.id(), manager);
        assertThat(cell(report, "4d.1", "proposed")).isEqualTo("In place");
        assertThat(cell(report, "4d.2", "figure")).isEqualTo("50 % 1 of 2 check-ins held in their window");
        assertThat(cell(report, "4d.2", "proposed")).isEqualTo("Partly in place");

        mvc.perform(post("/assessment/districts/" + district.id() + "/thresholds").with(csrf())
                        .with(person(manager)).params(thresholds("4d-2", "60", "40")))
                .andExpect(status().is3xxRedirection());
        assertThat(cell(page("/assessment/districts/" + district.id(), manager), "4d.2", "thresholds"))
                .isEqualTo("In place from 60 %, partly from 40 %");

        String refused = mvc.perform(post("/assessment/districts/" + district.id() + "/thresholds").with(csrf())
                        .with(person(manager)).params(thresholds("4d-2", "40", "60")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document form = Jsoup.parse(refused);
        assertThat(form.select("#errors li").eachText()).containsExactly(
                "4d.2, partly in place from: must be below the share for \"in place\" (60 is not below 40).");
        assertThat(form.select("#partlyFrom-4d-2").val()).isEqualTo("60");
        assertThat(cell(page("/assessment/districts/" + district.id(), manager), "4d.2", "thresholds"))
                .isEqualTo("In place from 60 %, partly from 40 %");
    }

    @Test
    void shouldKeepAManagersOverrideWithItsNoteAndAuthor() throws Exception {
        holdAlignment(0, STARTS.minusDays(10));
        holdAlignment(1, STARTS.minusDays(3));
        fixture.today(TODAY);
        String rating = "/assessment/districts/" + district.id() + "/ratings/4d.1?year=2025-26";

        String refused = mvc.perform(post(rating).with(csrf()).with(person(manager)).param("rating", "IN_PLACE"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(refused).select("#note-error").text())
                .isEqualTo("Note: say why you choose another rating than Tandem proposes.");

        mvc.perform(post(rating).with(csrf()).with(person(manager)).param("rating", "IN_PLACE")
                        .param("note", "The third school met its leaders a week late because of a flood."))
                .andExpect(redirectedUrl("/assessment/districts/" + district.id() + "?year=2025-26#indicator-4d-1"));

        Document report = page("/assessment/districts/" + district.id() + "?year=2025-26", manager);
        assertThat(cell(report, "4d.1", "proposed")).isEqualTo("Partly in place");
        assertThat(cell(report, "4d.1", "standing")).isEqualTo("In place Set by Morgan Reyes, overriding Tandem");
        assertThat(report.select("#indicator-4d-1 .decision").text())
                .startsWith("Overridden by Morgan Reyes on Feb 2, 2026")
                .contains("In place", "a week late because of a flood");
        assertThat(page(rating, manager).select("#history li").eachText()).singleElement().asString()
                .startsWith("Overridden by Morgan Reyes on Feb 2, 2026");
    }

    @Test
    void shouldRenderThePdfWithEachIndicatorsFigureInTheViewersLanguage() throws Exception {
        holdAlignment(0, STARTS.minusDays(10));
        holdAlignment(1, STARTS.minusDays(3));
        holdCheckIn(0, 1, true);
        holdCheckIn(0, 2, false);
        fixture.today(TODAY);

        String text = pdfText("/assessment/districts/" + district.id() + "/report.pdf", manager);

        assertThat(text).contains("Self-assessment 2025-26: Assessed District " + number(),
                "4d.1", "67 %", "2 of 3 terms began after an alignment meeting", "Partly in place",
                "4d.2", "50 %", "1 of 2 check-ins held in their window",
                "4d.3", "0 of 3 terms closed out on time", "Not in place",
                "4e.1", "4e.2", "4e.3", "No evidence yet", "What we will do next");

        String spanish = "assess-es-" + number();
        staff.add(new StaffMember(spanish, district.id(), "Lucía Campos", spanish + "@example.org", "es"), "secret",
                Set.of(Role.MANAGER), List.of());
        assertThat(pdfText("/assessment/districts/" + district.id() + "/report.pdf", spanish))
                .contains("Autoevaluación 2025-26", "2 de 3 períodos empezaron tras una reunión de alineación",
                        "Implementado en parte", "Sin evidencia todavía");
    }

    @Test
    void shouldShowALeaderTheirSchoolsReportOnlyAndOthersNothing() throws Exception {
        holdAlignment(0, STARTS.minusDays(10));
        fixture.today(TODAY);
        long own = programs.get(0).schoolId();
        long other = programs.get(1).schoolId();

        assertThat(page("/dashboard", leader).select("#self-assessment").attr("href")).isEqualTo("/assessment");
        mvc.perform(get("/assessment").with(person(leader)))
                .andExpect(redirectedUrl("/assessment/schools/" + own));
        Document report = page("/assessment/schools/" + own, leader);
        assertThat(report.select("h1").text()).endsWith("Assessed School " + number() + ".1");
        assertThat(cell(report, "4d.1", "figure")).isEqualTo("100 % 1 of 1 term began after an alignment meeting");
        assertThat(report.select("#indicator-4d-1 .per-term a").attr("href"))
                .isEqualTo("/dashboard/terms/" + programs.get(0).termId());
        assertThat(report.select(".decide-link")).isEmpty();
        mvc.perform(get("/assessment/schools/" + own + "/report.pdf").with(person(leader)))
                .andExpect(status().isOk());

        for (String url : List.of("/assessment/schools/" + other, "/assessment/schools/" + other + "/report.pdf",
                "/assessment/districts/" + district.id(), "/assessment/districts/" + district.id() + "/report.pdf",
                "/assessment/districts/" + district.id() + "/ratings/4d.1")) {
            mvc.perform(get(url).with(person(leader))).andExpect(status().isNotFound());
        }
        mvc.perform(post("/assessment/districts/" + district.id() + "/ratings/4d.1").with(csrf())
                .with(person(leader)).param("rating", "IN_PLACE").param("note", "x")).andExpect(status().isNotFound());

        RequestPostProcessor teacher = user("assess-teacher").roles("teachers");
        for (String url : List.of("/assessment", "/assessment/schools/" + own,
                "/assessment/districts/" + district.id())) {
            mvc.perform(get(url).with(teacher)).andExpect(status().isNotFound());
        }

        String elsewhere = "assess-elsewhere-" + number();
        District another = schools.addDistrict(elsewhere, "Elsewhere " + number(), ZoneId.of("America/Chicago"));
        staff.add(new StaffMember(elsewhere, another.id(), "Sam Elsewhere", elsewhere + "@example.org", "en"),
                "secret", Set.of(Role.MANAGER), List.of());
        mvc.perform(get("/assessment/districts/" + district.id()).with(person(elsewhere)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/assessment/schools/" + own).with(person(elsewhere))).andExpect(status().isNotFound());

        mvc.perform(get("/assessment/schools/" + own).with(person(manager))).andExpect(status().isOk());
        mvc.perform(get("/assessment/districts/" + district.id()).with(user("assess-operator").roles("camunda-admin")))
                .andExpect(status().isOk());
    }

    private void holdAlignment(int school, LocalDate heldOn) {
        milestones.recordHeld(programs.get(school), MilestoneKind.ALIGNMENT_MEETING, 1, STARTS.minusDays(1), heldOn,
                3, null, "assess-coordinator", heldOn.atTime(16, 0));
    }

    private void holdCheckIn(int school, int number, boolean inTime) {
        LocalDate due = STARTS.plusDays(14L * number - 1);
        if (inTime) {
            milestones.recordHeld(programs.get(school), MilestoneKind.CHECK_IN, number, due, due.minusDays(2), 2, 8,
                    "assess-coordinator", due.minusDays(2).atTime(16, 0));
        } else {
            milestones.plan(programs.get(school), MilestoneKind.CHECK_IN, number, due.minusDays(13), due, null);
            milestones.recordMissed(programs.get(school).termId(), MilestoneKind.CHECK_IN, number);
        }
    }

    private org.springframework.util.MultiValueMap<String, String> thresholds(String changed, String inPlace,
                                                                             String partly) {
        org.springframework.util.LinkedMultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
        for (String code : List.of("4d-1", "4d-2", "4d-3", "4e-1", "4e-2", "4e-3")) {
            form.add("inPlaceFrom-" + code, code.equals(changed) ? inPlace : "80");
            form.add("partlyFrom-" + code, code.equals(changed) ? partly : "50");
        }
        return form;
    }

    private String pdfText(String url, String username) throws Exception {
        byte[] pdf = mvc.perform(get(url).with(person(username)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = PDDocument.load(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private String cell(Document report, String code, String column) {
        return report.select("#ratings tr[data-indicator=" + code + "] ." + column).text();
    }

    private Document page(String url, String username) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(person(username)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private RequestPostProcessor person(String username) {
        return user(username).roles(username.contains("leader") ? "school-leaders" : "managers");
    }

    private String number() {
        return district.code().substring("assess-".length());
    }
}
