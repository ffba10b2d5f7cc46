package app.tandem.directory.web;

import static app.tandem.directory.web.AdminFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import app.tandem.directory.ChangeSource;
import app.tandem.TandemTest;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.directory.TermPlan;
import app.tandem.directory.Terms;
import app.tandem.program.ProgramFixture;
import app.tandem.system.InvalidInputException;

/** /admin/schools: the district's schools added, renamed, closed and reopened; a closed school takes no term. */
@TandemTest
class SchoolsPagesTest {

    private static final LocalDate START = LocalDate.of(2027, 2, 1);

    @Autowired
    MockMvc mvc;
    @Autowired
    AdminFixture fixture;
    @Autowired
    Schools schools;
    @Autowired
    Terms terms;
    @Autowired
    ProgramFixture programs;

    @BeforeEach
    void pinTheClock() {
        programs.today(START.minusWeeks(4));
    }

    @AfterEach
    void resetTheClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldListTheDistrictsSchoolsAndAddOne() throws Exception {
        AdminFixture.Setup setup = fixture.district();
        long district = setup.district().id();
        terms.plan(new TermPlan(setup.school().id(), "fall", "Fall", START, START.plusDays(90), null));
        String code = setup.district().code() + "-oak";

        mvc.perform(post("/admin/schools").with(as(setup.manager(), Role.MANAGER)).with(csrf())
                        .param("schoolCode", code).param("schoolName", "  Oak Grove Elementary "))
                .andExpect(status().is3xxRedirection());

        Document page = page(setup.manager(), Role.MANAGER, "/admin/schools");
        List<List<String>> rows = page.select("tbody tr").stream()
                .map(row -> row.select("td").stream().map(Element::text).toList()).toList();
        assertThat(rows).containsExactly(
                List.of(setup.school().code(), setup.school().name(), "Open", "1"),
                List.of(code, "Oak Grove Elementary", "Open", "0"));
        assertThat(schools.byCode(code).orElseThrow().districtId()).isEqualTo(district);
    }

    @Test
    void shouldRefuseADuplicateCodeFromAnyDistrictAndABadCodeKeepingWhatWasTyped() throws Exception {
        AdminFixture.Setup mine = fixture.district();
        AdminFixture.Setup theirs = fixture.district();

        Document page = Jsoup.parse(mvc.perform(post("/admin/schools").with(as(mine.manager(), Role.MANAGER))
                        .with(csrf()).param("schoolCode", theirs.school().code()).param("schoolName", "Copycat"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#schoolCode").hasClass("is-invalid")).isTrue();
        assertThat(page.select("#schoolCode-error").text()).isEqualTo("School code: a school with code '"
                + theirs.school().code() + "' already exists in Tandem; school codes are unique across all districts.");
        assertThat(page.select("#schoolName").val()).isEqualTo("Copycat");
        assertThat(schools.inDistrict(mine.district().id())).extracting(School::code)
                .containsExactly(mine.school().code());

        Document bad = Jsoup.parse(mvc.perform(post("/admin/schools").with(as(mine.manager(), Role.MANAGER))
                        .with(csrf()).param("schoolCode", "Oak Grove").param("schoolName", "Oak Grove"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(bad.select("#schoolCode-error").text()).startsWith("School code: 'Oak Grove' is not a usable code");
        assertThat(schools.byCode("Oak Grove")).isEmpty();
    }

    @Test
    void shouldRenameCloseAndReopenASchool() throws Exception {
        AdminFixture.Setup setup = fixture.district();
        long id = setup.school().id();
        var manager = as(setup.manager(), Role.MANAGER);

        mvc.perform(post("/admin/schools/" + id).with(manager).with(csrf()).param("schoolName", "Maple Street"))
                .andExpect(status().is3xxRedirection());
        assertThat(schools.byId(id).orElseThrow().name()).isEqualTo("Maple Street");

        Document blank = Jsoup.parse(mvc.perform(post("/admin/schools/" + id).with(manager).with(csrf())
                        .param("schoolName", " "))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(blank.select("#schoolName-error").text()).isEqualTo("School name: is required.");
        assertThat(schools.byId(id).orElseThrow().name()).isEqualTo("Maple Street");

        mvc.perform(post("/admin/schools/" + id + "/close").with(manager).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(schools.closedOn(id)).isPresent();
        assertThat(page(setup.manager(), Role.MANAGER, "/admin/schools").select("tbody td").eachText())
                .anyMatch(text -> text.startsWith("Closed on "));
        assertThat(page(setup.manager(), Role.MANAGER, "/admin/schools/" + id).select("button").eachText())
                .contains("Reopen the school");

        mvc.perform(post("/admin/schools/" + id + "/reopen").with(manager).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(schools.closedOn(id)).isEmpty();
    }

    @Test
    void shouldRefuseATermForAClosedSchoolAndKeepItsHistory() {
        AdminFixture.Setup setup = fixture.district();
        long id = setup.school().id();
        terms.plan(new TermPlan(id, "fall", "Fall", START, START.plusDays(90), "P2W"));
        schools.close(id, START.plusDays(100), "manager", ChangeSource.PAGE);

        assertThatThrownBy(() -> terms.plan(new TermPlan(id, "spring", "Spring", START.plusDays(120),
                START.plusDays(200), "P2W")))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("field", "schoolId")
                .hasMessage("School: " + setup.school().name() + " is closed and takes no new term; reopen it first.");
        assertThat(terms.ofSchool(id)).extracting(t -> t.code()).containsExactly("fall");

        schools.reopen(id, "manager", ChangeSource.PAGE);
        assertThat(terms.plan(new TermPlan(id, "spring", "Spring", START.plusDays(120), START.plusDays(200), "P2W"))
                .code()).isEqualTo("spring");
    }

    @Test
    void shouldNotLetAManagerSeeOrChangeAnotherDistrictsSchools() throws Exception {
        AdminFixture.Setup mine = fixture.district();
        AdminFixture.Setup theirs = fixture.district();
        var manager = as(mine.manager(), Role.MANAGER);
        long school = theirs.school().id();

        mvc.perform(get("/admin/schools").param("district", String.valueOf(theirs.district().id())).with(manager))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/schools").param("district", String.valueOf(theirs.district().id())).with(manager)
                        .with(csrf()).param("schoolCode", mine.district().code() + "-intruder").param("schoolName", "X"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/schools/" + school).with(manager)).andExpect(status().isNotFound());
        mvc.perform(post("/admin/schools/" + school).with(manager).with(csrf()).param("schoolName", "Mine"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/schools/" + school + "/close").with(manager).with(csrf()))
                .andExpect(status().isNotFound());

        assertThat(schools.byId(school).orElseThrow().name()).isEqualTo(theirs.school().name());
        assertThat(schools.closedOn(school)).isEmpty();
        assertThat(schools.byCode(mine.district().code() + "-intruder")).isEmpty();
    }

    @Test
    void shouldLetAnOperatorWorkOnAnyDistrictsSchools() throws Exception {
        AdminFixture.Setup setup = fixture.district();
        String operator = "op-" + System.nanoTime();

        Document page = Jsoup.parse(mvc.perform(get("/admin/schools")
                        .param("district", String.valueOf(setup.district().id())).with(as(operator, Role.OPERATOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("h1").text()).isEqualTo("Schools of " + setup.district().name());
    }

    private Document page(String username, Role role, String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(as(username, role)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}
