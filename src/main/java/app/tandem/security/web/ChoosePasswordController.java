package app.tandem.security.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import app.tandem.system.FieldErrors;
import app.tandem.security.ChoosePassword;
import app.tandem.security.NewPassword;
import app.tandem.security.OneTimeLink;
import app.tandem.security.SignInByLink;
import app.tandem.system.InvalidInputException;
import app.tandem.system.Messages;

/**
 * "Choose your password", reached from an invitation or a reset mail; once chosen, the person is signed in and
 * lands on their home page. A link that does not work (any more) gets a page saying to ask for a new one, whatever
 * the reason, so the page tells a guesser nothing.
 */
@Controller
class ChoosePasswordController {

    private final ChoosePassword choose;
    private final SignInByLink signIn;
    private final Messages messages;

    ChoosePasswordController(ChoosePassword choose, SignInByLink signIn, Messages messages) {
        this.choose = choose;
        this.signIn = signIn;
        this.messages = messages;
    }

    @GetMapping("/welcome/{secret}")
    String page(@PathVariable String secret, Model model, HttpServletResponse response) {
        return choose.open(secret)
                .map(link -> page(secret, link, model, new FieldErrors()))
                .orElseGet(() -> refused(response));
    }

    @PostMapping("/welcome/{secret}")
    String choose(@PathVariable String secret, @RequestParam(defaultValue = "") String newPassword,
                  @RequestParam(defaultValue = "") String repeatPassword, Model model, HttpServletRequest request,
                  HttpServletResponse response, RedirectAttributes redirect) {
        OneTimeLink link = choose.open(secret).orElse(null);
        if (link == null) {
            return refused(response);
        }
        String username;
        try {
            username = choose.choose(secret, newPassword, repeatPassword);
        } catch (ChoosePassword.LinkNotValid gone) {
            return refused(response);
        } catch (InvalidInputException refused) {
            FieldErrors errors = new FieldErrors();
            errors.add(refused);
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return page(secret, link, model, errors);
        }
        signIn.signIn(username, request, response);
        redirect.addFlashAttribute("notice", messages.text("password.chosen"));
        return "redirect:/";
    }

    private static String page(String secret, OneTimeLink link, Model model, FieldErrors errors) {
        model.addAttribute("secret", secret);
        model.addAttribute("link", link);
        model.addAttribute("minLength", NewPassword.MIN_LENGTH);
        model.addAttribute("errors", errors);
        return "security/choose-password";
    }

    private static String refused(HttpServletResponse response) {
        response.setStatus(HttpStatus.GONE.value());
        return "security/link-refused";
    }
}
