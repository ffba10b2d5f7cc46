package app.tandem.directory.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.tandem.directory.ChangeSource;
import app.tandem.directory.District;
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.system.NotFound;
import app.tandem.directory.Viewer;
import app.tandem.system.DistrictClock;
import app.tandem.system.FieldErrors;
import app.tandem.system.InvalidInputException;
import app.tandem.system.Messages;

/** A district's schools: add, rename, close (history kept, no new term) and reopen. */
@Controller
class SchoolsController {

    private final DistrictScope scope;
    private final Schools schools;
    private final DistrictClock clock;
    private final Messages messages;

    SchoolsController(DistrictScope scope, Schools schools, DistrictClock clock, Messages messages) {
        this.scope = scope;
        this.schools = schools;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping("/admin/schools")
    String list(Viewer viewer, @RequestParam(required = false) Long district, Model model) {
        District d = districtOf(viewer, district);
        if (d == null) {
            return "redirect:/admin/district";
        }
        return list(model, d, "", "", new FieldErrors());
    }

    @PostMapping("/admin/schools")
    String add(Viewer viewer, @RequestParam(required = false) Long district, @RequestParam String schoolCode,
               @RequestParam String schoolName, Model model, RedirectAttributes redirect) {
        District d = districtOf(viewer, district);
        if (d == null) {
            throw NotFound.answer();
        }
        try {
            School school = schools.open(d.id(), schoolCode, schoolName, viewer.username(), ChangeSource.PAGE);
            redirect.addFlashAttribute("notice", messages.text("schools.added", school.name(), school.code()));
            return "redirect:/admin/schools?district=" + d.id();
        } catch (InvalidInputException refused) {
            FieldErrors errors = new FieldErrors();
            errors.add(refused);
            return list(model, d, schoolCode, schoolName, errors);
        }
    }

    @GetMapping("/admin/schools/{id}")
    String edit(Viewer viewer, @PathVariable long id, Model model) {
        School school = scope.school(viewer, id);
        return edit(model, school, school.name(), new FieldErrors());
    }

    @PostMapping("/admin/schools/{id}")
    String rename(Viewer viewer, @PathVariable long id, @RequestParam String schoolName, Model model,
                  RedirectAttributes redirect) {
        School school = scope.school(viewer, id);
        try {
            schools.rename(id, schoolName, viewer.username(), ChangeSource.PAGE);
        } catch (InvalidInputException refused) {
            FieldErrors errors = new FieldErrors();
            errors.add(refused);
            return edit(model, school, schoolName, errors);
        }
        redirect.addFlashAttribute("notice", messages.text("schools.saved", schoolName.strip()));
        return "redirect:/admin/schools?district=" + school.districtId();
    }

    @PostMapping("/admin/schools/{id}/close")
    String close(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        School school = scope.school(viewer, id);
        schools.close(id, clock.today(), viewer.username(), ChangeSource.PAGE);
        redirect.addFlashAttribute("notice", messages.text("schools.closed", school.name()));
        return "redirect:/admin/schools?district=" + school.districtId();
    }

    @PostMapping("/admin/schools/{id}/reopen")
    String reopen(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        School school = scope.school(viewer, id);
        schools.reopen(id, viewer.username(), ChangeSource.PAGE);
        redirect.addFlashAttribute("notice", messages.text("schools.reopened", school.name()));
        return "redirect:/admin/schools?district=" + school.districtId();
    }

    private District districtOf(Viewer viewer, Long asked) {
        return scope.district(viewer, asked).orElse(null);
    }

    private String list(Model model, District district, String code, String name, FieldErrors errors) {
        model.addAttribute("district", district);
        model.addAttribute("schools", schools.listing(district.id()));
        model.addAttribute("schoolCode", code);
        model.addAttribute("schoolName", name);
        model.addAttribute("errors", errors);
        return "directory/schools";
    }

    private String edit(Model model, School school, String name, FieldErrors errors) {
        model.addAttribute("school", school);
        model.addAttribute("closedOn", schools.closedOn(school.id()).orElse(null));
        model.addAttribute("schoolName", name);
        model.addAttribute("errors", errors);
        return "directory/school";
    }
}
