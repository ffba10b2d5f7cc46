package app.tandem.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

import app.tandem.TandemTest;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.notify.Mailroom;
import app.tandem.notify.MessageKind;
import app.tandem.program.ProgramFixture;
import app.tandem.system.DistrictClock;

/** "Forgot your password?" and "Change my password". */
@TandemTest
class PasswordResetTest {

    private static final String NEW_PASSWORD = "a brand new passphrase";

    @Autowired
    MockMvc mvc;
    @Autowired
    ProgramFixture programs;
    @Autowired
    StaffDirectory staff;
    @Autowired
    Mailroom mailroom;
    @Autowired
    DistrictClock clock;

    private String person;

    @BeforeEach
    void setUp() {
        School school = programs.newSchool();
        person = "forgetful-" + school.code();
        staff.add(new StaffMember(person, school.districtId(), "Forgetful Person", person + "@example.org", "en"),
                "secret", Set.of(Role.TEACHER), List.of(school.id()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldAnswerTheSameForUnknownAccountsAndMailOnlyKnownOnes() throws Exception {
        mvc.perform(get("/login")).andExpect(content().string(Matchers.containsString("/password/forgot")));
        mvc.perform(post("/password/forgot").with(csrf()).param("account", "nobody-" + person))
                .andExpect(redirectedUrl("/password/forgot?sent"));
        mvc.perform(post("/password/forgot").with(csrf()).param("account", "nobody-" + person + "@example.org"))
                .andExpect(redirectedUrl("/password/forgot?sent"));
        assertThat(mailroom.queuedFor("nobody-" + person)).isEmpty();
        mvc.perform(get("/password/forgot?sent"))
                .andExpect(content().string(Matchers.containsString("If an account with that username")));

        mvc.perform(post("/password/forgot").with(csrf()).param("account", person.toUpperCase() + "@EXAMPLE.ORG"))
                .andExpect(redirectedUrl("/password/forgot?sent"));
        var resets = mailroom.queuedFor(person, MessageKind.PASSWORD_RESET);
        assertThat(resets).hasSize(1);
        mailroom.deliver(resets);
        String secret = PeopleMail.secret(mailroom.receivedBy(person + "@example.org").get(0));

        MockHttpSession browser = new MockHttpSession();
        mvc.perform(post("/welcome/" + secret).session(browser).with(csrf()).param("newPassword", NEW_PASSWORD)
                        .param("repeatPassword", NEW_PASSWORD))
                .andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withUsername(person).withRoles("teachers"));
        mvc.perform(get("/account/password").session(browser)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(person)));
        mvc.perform(formLogin("/login").user(person).password(NEW_PASSWORD)).andExpect(authenticated());
        mvc.perform(formLogin("/login").user(person).password("secret")).andExpect(unauthenticated());
    }

    @Test
    void shouldExpireAResetLinkWithinTheHour() throws Exception {
        mvc.perform(post("/password/forgot").with(csrf()).param("account", person))
                .andExpect(redirectedUrl("/password/forgot?sent"));
        mailroom.deliver(mailroom.queuedFor(person, MessageKind.PASSWORD_RESET));
        String secret = PeopleMail.secret(mailroom.receivedBy(person + "@example.org").get(0));
        mvc.perform(get("/welcome/" + secret)).andExpect(status().isOk());

        ClockUtil.setCurrentTime(Date.from(clock.now().plus(Duration.ofMinutes(61))));
        mvc.perform(get("/welcome/" + secret)).andExpect(status().isGone());
    }

    @Test
    void shouldChangeThePasswordOfTheSignedInPersonAfterCheckingTheCurrentOne() throws Exception {
        var signedIn = user(person).authorities(new SimpleGrantedAuthority("ROLE_teachers"));
        mvc.perform(get("/account/password").with(signedIn)).andExpect(status().isOk());
        mvc.perform(post("/account/password").with(signedIn).with(csrf()).param("currentPassword", "wrong")
                        .param("newPassword", NEW_PASSWORD).param("repeatPassword", NEW_PASSWORD))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(Matchers.containsString("not your current password")));
        mvc.perform(post("/account/password").with(signedIn).with(csrf()).param("currentPassword", "secret")
                        .param("newPassword", "too short").param("repeatPassword", "too short"))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(post("/account/password").with(signedIn).with(csrf()).param("currentPassword", "secret")
                        .param("newPassword", NEW_PASSWORD).param("repeatPassword", NEW_PASSWORD))
                .andExpect(redirectedUrl("/account/password?changed"));

        mvc.perform(formLogin("/login").user(person).password(NEW_PASSWORD)).andExpect(authenticated());
    }
}
