package app.tandem.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.tandem.system.FieldErrors;
import app.tandem.security.NewPassword;
import app.tandem.security.PasswordCheck;
import app.tandem.security.PasswordVerdict;
import app.tandem.directory.Viewer;
import app.tandem.system.InvalidInputException;
import app.tandem.system.Messages;

/**
 * "Change my password" for the signed-in person. The current password is checked like a sign-in (and throttled
 * like one), so a session left open on a shared computer does not let someone else take the account.
 */
@Controller
class AccountPasswordController {

    private static final String PAGE = "/account/password";

    private final PasswordCheck check;
    private final NewPassword passwords;
    private final Messages messages;

    AccountPasswordController(PasswordCheck check, NewPassword passwords, Messages messages) {
        this.check = check;
        this.passwords = passwords;
        this.messages = messages;
    }

    @GetMapping(PAGE)
    String page(Viewer viewer, Model model) {
        return page(model, new FieldErrors());
    }

    @PostMapping(PAGE)
    String change(Viewer viewer, @RequestParam(defaultValue = "") String currentPassword,
                  @RequestParam(defaultValue = "") String newPassword,
                  @RequestParam(defaultValue = "") String repeatPassword, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        FieldErrors errors = new FieldErrors();
        PasswordVerdict verdict = check.check(viewer.username(), currentPassword, request.getRemoteAddr());
        if (!(verdict instanceof PasswordVerdict.Accepted)) {
            errors.add(messages.invalid("currentPassword", "invalid.currentPassword"));
        } else {
            try {
                passwords.check(viewer.username(), newPassword, repeatPassword);
                passwords.store(viewer.username(), newPassword);
                return "redirect:" + PAGE + "?changed";
            } catch (InvalidInputException refused) {
                errors.add(refused);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return page(model, errors);
    }

    private static String page(Model model, FieldErrors errors) {
        model.addAttribute("minLength", NewPassword.MIN_LENGTH);
        model.addAttribute("errors", errors);
        return "security/account-password";
    }
}
