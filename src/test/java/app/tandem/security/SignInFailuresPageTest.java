package app.tandem.security;

import static app.tandem.security.SignInSteps.address;
import static app.tandem.security.SignInSteps.pinClock;
import static app.tandem.security.SignInSteps.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

import app.tandem.TandemTest;
import app.tandem.directory.District;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.program.ProgramFixture;

/** Operators and managers see failed sign-ins and lift a wait in Tandem; nobody else finds the page. */
@TandemTest
class SignInFailuresPageTest {

    private static final String PASSWORD = "Lift-Me-Up-77";

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffDirectory staff;
    @Autowired
    Schools schools;
    @Autowired
    ProgramFixture fixture;

    SignInSteps steps;
    School school;
    String coordinator;
    String address;

    @BeforeEach
    void aThrottledCoordinator() throws Exception {
        steps = new SignInSteps(mvc);
        school = fixture.newSchool();
        pinClock(Instant.parse("2031-04-07T15:00:00Z"));
        coordinator = person("throttled", school.districtId(), Role.COORDINATOR);
        address = address();
        for (int failure = 1; failure <= 7; failure++) {
            steps.signIn(address, coordinator, "wrong-" + failure);
        }
        assertThat(steps.statedWait(steps.signIn(address, coordinator, PASSWORD))).isPositive();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldShowAnOperatorTheWaitAndLetThemLiftIt() throws Exception {
        UserRequestPostProcessor operator = user(person("ops", school.districtId(), Role.OPERATOR)).roles(Role.OPERATOR.groupId());

        Element row = row(page(operator), coordinator);
        assertThat(row).as("a row for " + coordinator).isNotNull();
        // Six failures counted (the seventh attempt was refused unchecked), one address, a minute's wait.
        assertThat(row.select("td").eachText()).containsSubsequence(coordinator, "6", "1", "Apr 7, 2031, 10:00 AM",
                "Apr 7, 2031, 10:01 AM");
        assertThat(page(operator).select("nav a[href=/admin/sign-ins]")).hasSize(1);

        mvc.perform(post("/admin/sign-ins/lift").param("account", coordinator).with(operator))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/sign-ins/lift").param("account", coordinator).with(operator).with(csrf()))
                .andExpect(redirectedUrl("/admin/sign-ins"));

        assertThat(row(page(operator), coordinator)).as("forgotten once lifted").isNull();
        assertThat(steps.statedWait(steps.signIn(address, coordinator, PASSWORD))).as("no wait any more").isZero();
    }

    @Test
    void shouldShowAManagerTheirDistrictsAccountsOnly() throws Exception {
        UserRequestPostProcessor manager = user(person("same-district", school.districtId(), Role.MANAGER))
                .roles(Role.MANAGER.groupId());
        District elsewhere = schools.addDistrict(unique("elsewhere"), "Elsewhere", ZoneId.of("America/Chicago"));
        UserRequestPostProcessor otherManager = user(person("other-district", elsewhere.id(), Role.MANAGER))
                .roles(Role.MANAGER.groupId());

        assertThat(row(page(manager), coordinator)).isNotNull();
        assertThat(row(page(otherManager), coordinator)).isNull();
        mvc.perform(post("/admin/sign-ins/lift").param("account", coordinator).with(otherManager).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(row(page(manager), coordinator)).as("still waiting").isNotNull();

        mvc.perform(post("/admin/sign-ins/lift").param("account", coordinator).with(manager).with(csrf()))
                .andExpect(redirectedUrl("/admin/sign-ins"));
        assertThat(row(page(manager), coordinator)).isNull();
    }

    @Test
    void shouldHideThePageFromEveryoneElse() throws Exception {
        UserRequestPostProcessor coordinatorSignedIn = user(coordinator).roles(Role.COORDINATOR.groupId());

        mvc.perform(get("/admin/sign-ins").with(coordinatorSignedIn)).andExpect(status().isNotFound());
        mvc.perform(post("/admin/sign-ins/lift").param("account", coordinator).with(coordinatorSignedIn).with(csrf()))
                .andExpect(status().isNotFound());
        Document tasks = Jsoup.parse(mvc.perform(get("/tasks").with(coordinatorSignedIn)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(tasks.select("nav a[href=/admin/sign-ins]")).isEmpty();
    }

    private String person(String prefix, long districtId, Role role) {
        String username = unique(prefix);
        staff.add(new StaffMember(username, districtId, "Sam Staff", username + "@example.org", "en"), PASSWORD,
                Set.of(role), role == Role.COORDINATOR ? List.of(school.id()) : List.of());
        return username;
    }

    private Document page(UserRequestPostProcessor who) throws Exception {
        return Jsoup.parse(mvc.perform(get("/admin/sign-ins").with(who)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static Element row(Document page, String account) {
        return page.select("tbody tr").stream()
                .filter(tr -> tr.select("td").first() != null && tr.select("td").first().text().equals(account))
                .findFirst().orElse(null);
    }
}
