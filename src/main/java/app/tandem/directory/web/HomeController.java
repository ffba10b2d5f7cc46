package app.tandem.directory.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import app.tandem.directory.DistrictSetup;
import app.tandem.directory.Viewer;

/**
 * The home page is a person's own work: their task list. On an install without a district, an operator is led
 * to set one up first.
 */
@Controller
class HomeController {

    private final DistrictSetup setup;

    HomeController(DistrictSetup setup) {
        this.setup = setup;
    }

    @GetMapping("/")
    String home(Viewer viewer) {
        return setup.needsSetup(viewer.operator()) ? "redirect:/admin/district/new" : "redirect:/tasks";
    }
}
