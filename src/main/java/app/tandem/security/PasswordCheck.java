package app.tandem.security;

import java.time.Instant;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import app.tandem.directory.StaffDirectory;
import app.tandem.system.DistrictClock;

/**
 * Checks a username and password for every way in: Tandem's sign-in page and the engine's REST API. Failed
 * attempts slow further ones down ({@link SignInThrottle}); an attempt that has to wait is refused before its
 * password is checked. A name without an account is refused the same way, after the same time, as a wrong
 * password. A password stored in an older format is stored again once it is proven.
 */
@Component
public class PasswordCheck {

    private final DistrictClock clock;
    private final IdentityService identity;
    private final SignInThrottle throttle;
    private final SlowPasswordHash hash;
    private final PasswordUpgrade upgrade;
    private final StaffDirectory staff;

    PasswordCheck(DistrictClock clock, IdentityService identity, SignInThrottle throttle, SlowPasswordHash hash,
                  PasswordUpgrade upgrade, StaffDirectory staff) {
        this.staff = staff;
        this.clock = clock;
        this.identity = identity;
        this.throttle = throttle;
        this.hash = hash;
        this.upgrade = upgrade;
    }

    /** @param clientAddress the address the servlet container reports for the client */
    public PasswordVerdict check(String username, String password, String clientAddress) {
        if (username == null || username.isBlank() || password == null) {
            return new PasswordVerdict.Refused();
        }
        SignInAttempt attempt = SignInAttempt.of(username, clientAddress);
        Instant now = clock.now();
        Optional<Instant> wait = throttle.waitUntil(attempt, now);
        if (wait.isPresent()) {
            return new PasswordVerdict.MustWait(wait.get(), false);
        }
        boolean account = identity.createUserQuery().userId(username).count() > 0;
        if (!account) {
            hash.checkAgainstNoAccount(password);
        }
        // A deactivated person is refused like a wrong password, so the answer tells a stranger nothing.
        if (!account || !identity.checkPassword(username, password) || !staff.isActive(username)) {
            return throttle.failed(attempt, account ? username : null, now)
                    .<PasswordVerdict>map(until -> new PasswordVerdict.MustWait(until, true))
                    .orElseGet(PasswordVerdict.Refused::new);
        }
        throttle.succeeded(attempt);
        upgrade.afterSignIn(username, password);
        return new PasswordVerdict.Accepted();
    }
}
