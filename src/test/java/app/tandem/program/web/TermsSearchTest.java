package app.tandem.program.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import app.tandem.TandemTest;
import app.tandem.directory.ChangeSource;
import app.tandem.directory.District;
import app.tandem.directory.DistrictEntry;
import app.tandem.directory.DistrictSetup;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.directory.Term;
import app.tandem.directory.TermPlan;
import app.tandem.directory.Terms;
import app.tandem.program.ProgramFixture;
import app.tandem.program.SchoolProgramLauncher;
import app.tandem.program.TermCancelling;

/** /admin/terms as a list a district with many terms can use: searched, filtered, fifty to a page. */
@TandemTest
class TermsSearchTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 4);

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
    DistrictSetup setup;
    @Autowired
    SchoolProgramLauncher launcher;
    @Autowired
    TermCancelling cancelling;

    private School aspen;
    private School birch;
    private School cedar;
    private String manager;

    @BeforeEach
    void aDistrictWhoseYearStartsInMidAugust() {
        fixture.today(TODAY);
        String tag = "find-" + System.nanoTime();
        District district = schools.addDistrict(tag, "Search District", ZoneId.of("America/Chicago"));
        setup.change(district.id(), new DistrictEntry(tag, "Search District", "America/Chicago", "2026-27",
                "2026-08-17", "2027-06-04", Map.of()), manager, ChangeSource.PAGE);
        aspen = schools.add(district.id(), tag + "-aspen", "Aspen " + tag);
        birch = schools.add(district.id(), tag + "-birch", "Birch " + tag);
        cedar = schools.add(district.id(), tag + "-cedar", "Cedar " + tag);
        manager = "mgr-" + tag;
        staff.add(new StaffMember(manager, district.id(), "Search Manager", manager + "@example.org", "en"), "secret",
                Set.of(Role.MANAGER), List.of());
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldFindTermsBySchoolStatusAndProgramYear() throws Exception {
        Term ended = plan(aspen, "fall-2026", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 15));
        Term planned = plan(aspen, "fall-2027", LocalDate.of(2027, 8, 30), LocalDate.of(2027, 12, 17));
        Term running = plan(birch, "spring-2027", LocalDate.of(2027, 2, 1), LocalDate.of(2027, 5, 28));
        launcher.start(running.id());
        Term cancelled = plan(cedar, "summer-2027", LocalDate.of(2027, 6, 14), LocalDate.of(2027, 8, 6));
        cancelling.cancel(cancelled.id(), "No tutors this summer", manager, ChangeSource.PAGE);

        assertThat(found("q", "ASPEN")).containsExactly(planned.id(), ended.id());
        assertThat(found("q", birch.code())).containsExactly(running.id());
        assertThat(found("status", "running", "q", "search")).isEmpty();
        assertThat(found("status", "running")).containsExactly(running.id());
        assertThat(found("status", "ended")).containsExactly(ended.id());
        assertThat(found("status", "cancelled")).containsExactly(cancelled.id());
        assertThat(found("status", "planned")).containsExactly(planned.id());
        // The district's year begins on 17 August: the summer of 2027 still belongs to 2026-27.
        assertThat(found("year", "2026-27")).containsExactly(cancelled.id(), running.id(), ended.id());
        assertThat(found("year", "2027-28")).containsExactly(planned.id());
        assertThat(page(get("/admin/terms")).select("#filter-year option").eachAttr("value"))
                .containsExactly("", "2027-28", "2026-27");
        assertThat(page(get("/admin/terms").param("q", "nowhere")).select("#terms-none").text())
                .isEqualTo("No term matches this search.");
    }

    @Test
    void shouldShowFiftyTermsAPageWithPageLinksThatKeepTheSearch() throws Exception {
        LocalDate monday = LocalDate.of(2027, 3, 1);
        for (int week = 0; week < 55; week++) {
            plan(aspen, "week-" + week, monday.plusWeeks(week), monday.plusWeeks(week).plusDays(4));
        }
        plan(birch, "week-0", monday, monday.plusDays(4));

        Document first = page(get("/admin/terms").param("q", "aspen").param("status", "planned"));
        assertThat(first.select("#terms tbody tr")).hasSize(50);
        assertThat(first.select("#terms caption").text()).isEqualTo("55 terms, latest first");
        String next = first.select("nav.pager a[rel=next]").attr("href");
        assertThat(next).isEqualTo("/admin/terms?q=aspen&status=planned&page=2");

        Document second = page(get(URI.create(next)));
        assertThat(second.select("#terms tbody tr code.small").eachText())
                .containsExactly("week-4", "week-3", "week-2", "week-1", "week-0");
        assertThat(second.select("#q").val()).isEqualTo("aspen");
        String back = second.select("#terms tbody tr form input[name=back]").first().val();
        assertThat(back).isEqualTo(next);
        Long termId = Long.valueOf(second.select("#terms tbody tr").first().id().substring("term-".length()));
        mvc.perform(post("/admin/terms/" + termId + "/start").param("back", back).with(csrf()).with(asManager()))
                .andExpect(redirectedUrl(next));
    }

    @Test
    void shouldShowTheTermJustPlannedForOneSchool() throws Exception {
        mvc.perform(post("/admin/terms").with(csrf()).with(asManager())
                        .param("schoolIds", String.valueOf(cedar.id())).param("code", "fall-2027")
                        .param("name", "Fall 2027").param("startsOn", "2027-08-30").param("endsOn", "2027-12-17"))
                .andExpect(redirectedUrl("/admin/terms?q=" + cedar.code()));
    }

    private Term plan(School school, String code, LocalDate startsOn, LocalDate endsOn) {
        return terms.plan(new TermPlan(school.id(), code, code, startsOn, endsOn, "P2W"));
    }

    private List<Long> found(String... params) throws Exception {
        MockHttpServletRequestBuilder request = get("/admin/terms");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return page(request).select("#terms tbody tr[id]").eachAttr("id").stream()
                .map(id -> Long.valueOf(id.substring("term-".length()))).toList();
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request.with(asManager())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor asManager() {
        return user(manager).authorities(new SimpleGrantedAuthority("ROLE_" + Role.MANAGER.groupId()));
    }
}
