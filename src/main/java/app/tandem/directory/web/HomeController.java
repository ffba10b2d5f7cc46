package app.tandem.directory.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.tandem.directory.DistrictSetup;
import app.tandem.directory.Viewer;

/**
 * The home page is a person's own work: their task list. On an install without a district, an operator is led
 * to set one up first. A notice for the home page (such as "you are signed in") goes along.
 */
@Controller
class HomeController {

    private final DistrictSetup setup;

    HomeController(DistrictSetup setup) {
        this.setup = setup;
    }

    @GetMapping("/")
    String home(Viewer viewer, Model model, RedirectAttributes redirect) {
        if (model.getAttribute("notice") instanceof String notice) {
            redirect.addFlashAttribute("notice", notice);
        }
        return setup.needsSetup(viewer.operator()) ? "redirect:/admin/district/new" : "redirect:/tasks";
    }
}
