package app.tandem.security.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.tandem.directory.Viewer;
import app.tandem.security.SignInFailures;
import app.tandem.system.DistrictClock;
import app.tandem.system.Formats;
import app.tandem.system.Messages;

/**
 * Recent failed sign-ins per account, and lifting an account's wait, for operators (every account) and
 * managers (their district's staff). Anyone else gets a 404, as if the page did not exist.
 */
@Controller
class SignInFailuresController {

    private final DistrictClock clock;
    private final SignInFailures failures;
    private final Messages messages;
    private final Formats formats;

    SignInFailuresController(DistrictClock clock, SignInFailures failures, Messages messages, Formats formats) {
        this.formats = formats;
        this.clock = clock;
        this.failures = failures;
        this.messages = messages;
    }

    record Row(String account, int failures, int addresses, String lastFailure, String throttledUntil) {
    }

    @GetMapping("/admin/sign-ins")
    String list(Viewer who, Model model) {
        Long district = who.administeredDistrict();
        Instant now = clock.now();
        ZoneId zone = clock.zoneOf(district);
        List<Row> rows = failures.recent(district, now).stream()
                .map(failed -> new Row(failed.account(), failed.failures(), failed.addresses(),
                        formats.moment(failed.lastFailureAt().atZone(zone)),
                        failed.throttledUntil() != null && failed.throttledUntil().isAfter(now)
                                ? formats.moment(failed.throttledUntil().atZone(zone)) : null))
                .toList();
        model.addAttribute("rows", rows);
        return "security/sign-ins";
    }

    @PostMapping("/admin/sign-ins/lift")
    String lift(@RequestParam String account, Viewer who, RedirectAttributes redirect) {
        failures.lift(account, who.administeredDistrict());
        redirect.addFlashAttribute("notice", messages.text("signIns.lifted", account));
        return "redirect:/admin/sign-ins";
    }
}
