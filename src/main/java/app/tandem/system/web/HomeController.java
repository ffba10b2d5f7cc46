package app.tandem.system.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page is a person's own work: their task list. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "redirect:/tasks";
    }
}
