package app.tandem.security.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import app.tandem.security.SignInThrottled;
import app.tandem.system.DistrictClock;
import app.tandem.system.Formats;

@Controller
class LoginController {

    private final DistrictClock clock;

    private final Formats formats;

    LoginController(DistrictClock clock, Formats formats) {
        this.clock = clock;
        this.formats = formats;
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Locale locale, Model model) {
        HttpSession session = request.getSession(false);
        if (request.getParameterMap().containsKey("error") && session != null
                && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof SignInThrottled throttled) {
            Instant now = clock.now();
            long seconds = Math.max(0, Duration.between(now, throttled.tryAgainAt()).toSeconds());
            // Both rounded up: trying again at the stated time always works.
            model.addAttribute("waitMinutes", Math.max(1, (seconds + 59) / 60));
            model.addAttribute("tryAgainAt", formats.time(nextWholeMinute(throttled.tryAgainAt()), locale));
            model.addAttribute("passwordChecked", throttled.passwordChecked());
        }
        return "security/login";
    }

    /** The clock shows minutes: 10:42:30 is stated as 10:43. */
    private static Instant nextWholeMinute(Instant moment) {
        Instant minute = moment.truncatedTo(ChronoUnit.MINUTES);
        return minute.equals(moment) ? moment : minute.plus(1, ChronoUnit.MINUTES);
    }
}
