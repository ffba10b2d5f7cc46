package app.tandem.security;

import static app.tandem.security.SignInSteps.address;
import static app.tandem.security.SignInSteps.advance;
import static app.tandem.security.SignInSteps.pinClock;
import static app.tandem.security.SignInSteps.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import app.tandem.TandemTest;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.program.ProgramFixture;

/**
 * Failed sign-ins slow further ones down and nothing locks an account for good (issue 14, item 2): neither
 * Camunda's lock after ten wrong passwords nor a stranger's flood from one address keeps the owner out.
 */
@TandemTest
class SignInThrottleTest {

    private static final String PASSWORD = "Right-Password-42";

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffDirectory staff;
    @Autowired
    ProgramFixture fixture;

    SignInSteps steps;
    School school;

    @BeforeEach
    void setUp() {
        steps = new SignInSteps(mvc);
        school = fixture.newSchool();
        pinClock(Instant.parse("2031-03-03T13:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldLetTheRightPasswordInAfterTenSpacedFailuresOnceTheStatedWaitIsOver() throws Exception {
        String manager = account("district-manager");
        String office = address();

        Duration wait = Duration.ZERO;
        for (int failure = 1; failure <= 10; failure++) {
            if (failure > 1) {
                // Spaced past Camunda's own delays (at most a minute) and past any wait Tandem states.
                advance(wait.compareTo(Duration.ofMinutes(2)) > 0 ? wait : Duration.ofMinutes(2));
            }
            MvcResult wrong = steps.signIn(office, manager, "wrong-" + failure);
            assertThat(signedIn(wrong)).as("failure %d", failure).isNull();
            wait = steps.statedWait(wrong);
        }
        assertThat(wait).as("the wait stated after the tenth failure").isEqualTo(Duration.ofMinutes(15));

        MvcResult tooEarly = steps.signIn(office, manager, PASSWORD);
        assertThat(signedIn(tooEarly)).as("the right password before the wait is over").isNull();
        wait = steps.statedWait(tooEarly);
        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15));

        advance(wait);
        assertThat(signedIn(steps.signIn(office, manager, PASSWORD))).isEqualTo(manager);
    }

    @Test
    void shouldSlowAnAddressAfterAHundredRapidFailuresWhileTheRightPasswordWorksFromAnother() throws Exception {
        String manager = account("board-day-manager");
        String stranger = address();

        for (int failure = 1; failure <= 100; failure++) {
            assertThat(signedIn(steps.signIn(stranger, manager, "guess-" + failure))).isNull();
        }

        MvcResult fromStranger = steps.signIn(stranger, manager, PASSWORD);
        assertThat(signedIn(fromStranger)).as("even the right password, from the guessing address").isNull();
        assertThat(steps.statedWait(fromStranger)).isPositive();
        assertThat(signedIn(steps.signIn(address(), manager, PASSWORD))).as("from another address").isEqualTo(manager);
    }

    @Test
    void shouldSlowAnAddressThatTriesManyNames() throws Exception {
        String coordinator = account("sprayed-coordinator");
        String sprayer = address();

        for (int failure = 1; failure <= 100; failure++) {
            assertThat(signedIn(steps.signIn(sprayer, unique("nobody"), "Password1"))).isNull();
        }

        assertThat(signedIn(steps.signIn(sprayer, coordinator, PASSWORD))).as("from the spraying address").isNull();
        assertThat(signedIn(steps.signIn(address(), coordinator, PASSWORD))).as("from another address")
                .isEqualTo(coordinator);
    }

    @Test
    void shouldSayTheSameForANameWithoutAnAccountAsForAWrongPassword() throws Exception {
        String existing = account("wording-check");
        String missing = unique("no-such-person");
        String one = address();
        String other = address();

        for (int failure = 1; failure <= 8; failure++) {
            String wrongPassword = steps.alert(steps.signIn(one, existing, "wrong-" + failure));
            String noAccount = steps.alert(steps.signIn(other, missing, "wrong-" + failure));
            assertThat(noAccount).as("failure %d", failure).isNotBlank().isEqualTo(wrongPassword);
        }
        assertThat(steps.alert(steps.signIn(one, existing, PASSWORD))).as("refused unchecked, while waiting")
                .isEqualTo(steps.alert(steps.signIn(other, missing, PASSWORD))).contains("Try again in");
    }

    private String account(String prefix) {
        String username = unique(prefix);
        staff.add(new StaffMember(username, school.districtId(), "Pat Person", username + "@example.org", "en"),
                PASSWORD, Set.of(Role.MANAGER), List.of(school.id()));
        return username;
    }

    /** Who the attempt signed in, or null. */
    private static String signedIn(MvcResult attempt) {
        Object context = attempt.getRequest().getSession(false) == null ? null
                : attempt.getRequest().getSession(false).getAttribute("SPRING_SECURITY_CONTEXT");
        return context instanceof SecurityContext security && security.getAuthentication() != null
                ? security.getAuthentication().getName() : null;
    }
}
