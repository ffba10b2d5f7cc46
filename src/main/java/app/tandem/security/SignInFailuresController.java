package app.tandem.security;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.directory.Viewer;
import app.tandem.system.DistrictClock;
import app.tandem.system.Messages;
import app.tandem.system.NotFound;
import app.tandem.system.TandemProperties;

/**
 * Recent failed sign-ins per account, and lifting an account's wait, for operators (every account) and
 * managers (their district's staff). Anyone else gets a 404, as if the page did not exist.
 */
@Controller
class SignInFailuresController {

    private final DistrictClock clock;
    private final SignInThrottle throttle;
    private final SignInThrottleSettings settings;
    private final StaffDirectory staff;
    private final Messages messages;
    private final DateTimeFormatter time;

    SignInFailuresController(DistrictClock clock, SignInThrottle throttle, SignInThrottleSettings settings, StaffDirectory staff,
                             Messages messages, TandemProperties properties) {
        this.clock = clock;
        this.throttle = throttle;
        this.settings = settings;
        this.staff = staff;
        this.messages = messages;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(properties.timeZone());
    }

    record Row(String account, int failures, int addresses, String lastFailure, String throttledUntil) {
    }

    @GetMapping("/admin/sign-ins")
    String list(Viewer who, Model model) {
        Long district = districtOf(who);
        Instant now = clock.now();
        List<Row> rows = throttle.recent(district, now.minus(settings.forgetAfter())).stream()
                .map(failed -> new Row(failed.account(), failed.failures(), failed.addresses(),
                        time.format(failed.lastFailureAt()),
                        failed.throttledUntil() != null && failed.throttledUntil().isAfter(now)
                                ? time.format(failed.throttledUntil()) : null))
                .toList();
        model.addAttribute("rows", rows);
        return "security/sign-ins";
    }

    @PostMapping("/admin/sign-ins/lift")
    String lift(@RequestParam String account, Viewer who, RedirectAttributes redirect) {
        Long district = districtOf(who);
        if (district != null && staff.byUsername(account).map(StaffMember::districtId)
                .filter(district::equals).isEmpty()) {
            throw NotFound.answer();
        }
        throttle.lift(account);
        redirect.addFlashAttribute("notice", messages.text("signIns.lifted", account));
        return "redirect:/admin/sign-ins";
    }

    /** The district whose accounts this person sees: null for operators, who see all. */
    private static Long districtOf(Viewer who) {
        if (who.operator()) {
            return null;
        }
        if (!who.manager() || !who.onStaff()) {
            throw NotFound.answer();
        }
        return who.districtId();
    }
}
