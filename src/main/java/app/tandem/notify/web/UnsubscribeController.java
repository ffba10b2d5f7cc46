package app.tandem.notify.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.tandem.notify.OptOutSource;
import app.tandem.notify.Unsubscribes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Unsubscribing from family mail, without an account: the link's signature is the only key. A mail program's
 * one-click button POSTs {@code List-Unsubscribe=One-Click} here (RFC 8058); the link in the mail opens a page
 * that asks first, since mail scanners open links too. A changed link changes nothing and says so.
 */
@Controller
class UnsubscribeController {

    static final String PATH = "/unsubscribe/";

    private final Unsubscribes unsubscribes;

    UnsubscribeController(Unsubscribes unsubscribes) {
        this.unsubscribes = unsubscribes;
    }

    @GetMapping(PATH + "{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        if (!unsubscribes.valid(token)) {
            return refused(model, response);
        }
        model.addAttribute("state", "confirm");
        model.addAttribute("token", token);
        return "notify/unsubscribe";
    }

    @PostMapping(PATH + "{token}")
    String unsubscribe(@PathVariable String token,
                       @RequestParam(name = "List-Unsubscribe", required = false) String oneClick, Model model,
                       HttpServletResponse response) {
        OptOutSource source = "One-Click".equals(oneClick) ? OptOutSource.ONE_CLICK : OptOutSource.LINK;
        if (!unsubscribes.unsubscribe(token, source)) {
            return refused(model, response);
        }
        model.addAttribute("state", "done");
        return "notify/unsubscribe";
    }

    private static String refused(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("state", "invalid");
        return "notify/unsubscribe";
    }
}
