package app.tandem.security;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.system.NotFound;

/** Recent failed sign-ins and lifting an account's wait, for every account or for one district's staff. */
@Component
public class SignInFailures {

    private final SignInThrottle throttle;
    private final SignInThrottleSettings settings;
    private final StaffDirectory staff;

    SignInFailures(SignInThrottle throttle, SignInThrottleSettings settings, StaffDirectory staff) {
        this.throttle = throttle;
        this.settings = settings;
        this.staff = staff;
    }

    /** @param districtId only this district's staff; null for every account */
    public List<FailedSignIns> recent(Long districtId, Instant now) {
        return throttle.recent(districtId, now.minus(settings.forgetAfter()));
    }

    /** @param districtId only an account of this district's staff, else "not found"; null for any account */
    public void lift(String account, Long districtId) {
        if (districtId != null && staff.byUsername(account).map(StaffMember::districtId)
                .filter(districtId::equals).isEmpty()) {
            throw NotFound.answer();
        }
        throttle.lift(account);
    }
}
