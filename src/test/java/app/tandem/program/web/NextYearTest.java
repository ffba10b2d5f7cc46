package app.tandem.program.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import app.tandem.directory.ChangeSource;
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
import app.tandem.program.ProgramFixture;

/** "Plan next year from this one" on /admin/terms: each open school's latest term, a year on, once. */
@TandemTest
class NextYearTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 6, 1);
    private static final AtomicInteger DISTRICTS = new AtomicInteger();

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

    private School aspen;
    private School birch;
    private School closed;
    private String manager;
    private String coordinator;

    @BeforeEach
    void aDistrictWithThisYearsTerms() {
        fixture.today(TODAY);
        String tag = "ny-" + DISTRICTS.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        District district = schools.addDistrict(tag, "Next Year " + tag, ZoneId.of("America/Chicago"));
        aspen = schools.add(district.id(), tag + "-a", "Aspen " + tag);
        birch = schools.add(district.id(), tag + "-b", "Birch " + tag);
        closed = schools.add(district.id(), tag + "-c", "Closed " + tag);
        terms.plan(new TermPlan(aspen.id(), "fall-2027", "Fall 2027", LocalDate.of(2027, 8, 23),
                LocalDate.of(2027, 12, 17), "P2W"));
        terms.plan(new TermPlan(birch.id(), "spring-2027", "Spring 2027", LocalDate.of(2027, 1, 11),
                LocalDate.of(2027, 5, 14), "P1W"));
        terms.plan(new TermPlan(birch.id(), "year-2027-28", "School year 2027-28", LocalDate.of(2027, 9, 1),
                LocalDate.of(2028, 5, 31), "P1M"));
        terms.plan(new TermPlan(closed.id(), "fall-2027", "Fall 2027", LocalDate.of(2027, 8, 23),
                LocalDate.of(2027, 12, 17), "P2W"));
        schools.close(closed.id(), TODAY, "manager", ChangeSource.PAGE);
        manager = "mgr-" + tag;
        coordinator = "coord-" + tag;
        staff.add(new StaffMember(manager, district.id(), "Next Year Manager", manager + "@example.org", "en"), "secret",
                Set.of(Role.MANAGER), List.of());
        staff.add(new StaffMember(coordinator, district.id(), "Next Year Coordinator", coordinator + "@example.org", "en"),
                "secret", Set.of(Role.COORDINATOR), List.of(aspen.id()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldPlanEachOpenSchoolsLatestTermAYearOnOnlyOnce() throws Exception {
        String first = planNextYear();
        assertThat(first).contains("Planned next year&#39;s term for 2 schools.").doesNotContain("id=\"skipped\"");

        Term aspenNext = terms.bySchoolAndCode(aspen.id(), "fall-2028").orElseThrow();
        assertThat(aspenNext.name()).isEqualTo("Fall 2028");
        assertThat(aspenNext.startsOn()).as("a Monday start stays a Monday, the nearest one a year on")
                .isEqualTo(LocalDate.of(2028, 8, 21));
        assertThat(aspenNext.endsOn()).as("the same length").isEqualTo(LocalDate.of(2028, 12, 15));
        assertThat(aspenNext.checkInCadence()).isEqualTo(Period.ofWeeks(2));

        Term birchNext = terms.bySchoolAndCode(birch.id(), "year-2028-29").orElseThrow();
        assertThat(birchNext.name()).isEqualTo("School year 2028-29");
        assertThat(birchNext.checkInCadence()).isEqualTo(Period.ofMonths(1));
        assertThat(terms.ofSchool(birch.id())).as("only the latest term is copied").hasSize(3);
        assertThat(terms.ofSchool(closed.id())).as("a closed school takes no new term").hasSize(1);

        String again = planNextYear();
        assertThat(again).contains("Planned next year&#39;s term for no schools.", "id=\"skipped\"",
                aspen.name() + ": Fall 2028, Aug 21, 2028 to Dec 15, 2028", birch.name());
        assertThat(terms.ofSchool(aspen.id())).as("a second click plans nothing twice")
                .extracting(Term::code).containsExactly("fall-2027", "fall-2028");
    }

    @Test
    void shouldSkipASchoolThatHasATermOnThoseDatesAlready() throws Exception {
        terms.plan(new TermPlan(aspen.id(), "fall-2028", "Fall 2028", LocalDate.of(2028, 8, 28),
                LocalDate.of(2028, 12, 20), "P2W"));
        String page = planNextYear();
        assertThat(page).contains("Planned next year&#39;s term for 1 school.", "id=\"skipped\"", aspen.name());
        assertThat(terms.ofSchool(aspen.id())).as("not beside the term already planned")
                .extracting(Term::startsOn).containsExactly(LocalDate.of(2027, 8, 23), LocalDate.of(2028, 8, 28));
    }

    @Test
    void shouldAnswerCoordinatorsNotFound() throws Exception {
        mvc.perform(post("/admin/terms/next-year").with(csrf()).with(as(coordinator, "coordinators")))
                .andExpect(status().isNotFound());
        assertThat(terms.bySchoolAndCode(aspen.id(), "fall-2028")).isEmpty();
    }

    private String planNextYear() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/admin/terms/next-year").with(csrf()).with(as(manager, "managers")).session(session))
                .andExpect(status().is3xxRedirection());
        return mvc.perform(get("/admin/terms").with(as(manager, "managers")).session(session))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private static RequestPostProcessor as(String username, String group) {
        return user(username).authorities(new SimpleGrantedAuthority("ROLE_" + group));
    }
}
