package app.tandem.security.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.tandem.security.PasswordLinks;

/** "Forgot your password?": the same answer whether an account exists or not; a link by mail when one does. */
@Controller
class ForgotPasswordController {

    private final PasswordLinks links;

    ForgotPasswordController(PasswordLinks links) {
        this.links = links;
    }

    @GetMapping("/password/forgot")
    String page() {
        return "security/forgot-password";
    }

    @PostMapping("/password/forgot")
    String request(@RequestParam(defaultValue = "") String account) {
        links.requestReset(account);
        return "redirect:/password/forgot?sent";
    }
}
