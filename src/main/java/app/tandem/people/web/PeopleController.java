package app.tandem.people.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.tandem.system.FieldErrors;
import app.tandem.directory.StaffMember;
import app.tandem.people.NewPerson;
import app.tandem.people.People;
import app.tandem.people.PeopleQuery;
import app.tandem.people.Person;
import app.tandem.system.Paged;
import app.tandem.directory.Viewer;
import app.tandem.system.BackToList;
import app.tandem.system.DistrictClock;
import app.tandem.system.InvalidInputException;
import app.tandem.system.Messages;

/** The people page: a district's staff, adding and inviting a person, deactivating and reactivating. */
@Controller
class PeopleController {

    private static final String PAGE = "/admin/people";

    private final People people;
    private final Messages messages;
    private final DistrictClock clock;

    PeopleController(People people, Messages messages, DistrictClock clock) {
        this.people = people;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping(PAGE)
    String page(Viewer viewer, @RequestParam(required = false) String q,
                @RequestParam(required = false) Long school, @RequestParam(required = false) String group,
                @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                Model model) {
        return page(viewer, model, PeopleQuery.of(q, school, group, status, page), NewPerson.blank(),
                new FieldErrors());
    }

    @PostMapping(PAGE)
    String add(Viewer viewer, @RequestParam(defaultValue = "") String username,
               @RequestParam(defaultValue = "") String fullName, @RequestParam(defaultValue = "") String email,
               @RequestParam(defaultValue = "en") String language,
               @RequestParam(name = "groups", required = false) List<String> groups,
               @RequestParam(name = "schools", required = false) List<Long> schools, Model model,
               RedirectAttributes redirect) {
        NewPerson person = new NewPerson(username, fullName, email, language, groups, schools);
        try {
            StaffMember added = people.add(viewer, person);
            redirect.addFlashAttribute("notice", messages.text("people.added", added.fullName(), added.email()));
            return "redirect:" + PAGE;
        } catch (InvalidInputException refused) {
            FieldErrors errors = new FieldErrors();
            errors.add(refused);
            return page(viewer, model, PeopleQuery.everyone(), person, errors);
        }
    }

    @PostMapping(PAGE + "/{username}/invitation")
    String resend(Viewer viewer, @PathVariable String username, @RequestParam(required = false) String back,
                  RedirectAttributes redirect) {
        StaffMember member = people.resendInvitation(viewer, username);
        redirect.addFlashAttribute("notice", messages.text("people.resent", member.fullName(), member.email()));
        return BackToList.redirect(PAGE, back);
    }

    @PostMapping(PAGE + "/{username}/invitation/revoke")
    String revoke(Viewer viewer, @PathVariable String username, @RequestParam(required = false) String back,
                  RedirectAttributes redirect) {
        StaffMember member = people.revokeInvitation(viewer, username);
        redirect.addFlashAttribute("notice", messages.text("people.revoked", member.fullName()));
        return BackToList.redirect(PAGE, back);
    }

    @PostMapping(PAGE + "/{username}/deactivate")
    String deactivate(Viewer viewer, @PathVariable String username, @RequestParam(required = false) String back,
                      RedirectAttributes redirect) {
        int returned = people.deactivate(viewer, username);
        redirect.addFlashAttribute("notice", messages.text("people.deactivated", username, returned));
        return BackToList.redirect(PAGE, back);
    }

    @PostMapping(PAGE + "/{username}/reactivate")
    String reactivate(Viewer viewer, @PathVariable String username, @RequestParam(required = false) String back,
                      RedirectAttributes redirect) {
        StaffMember member = people.reactivate(viewer, username);
        redirect.addFlashAttribute("notice", messages.text("people.reactivated", member.fullName()));
        return BackToList.redirect(PAGE, back);
    }

    private String page(Viewer viewer, Model model, PeopleQuery query, NewPerson person, FieldErrors errors) {
        Paged<Person> found = people.search(viewer, query);
        model.addAttribute("people", found);
        model.addAttribute("query", query);
        model.addAttribute("here", query.page(found.number()));
        model.addAttribute("schools", people.schoolsFor(viewer));
        model.addAttribute("statuses", Person.Status.values());
        List<String> groups = people.groups(viewer);
        model.addAttribute("groups", groups);
        model.addAttribute("grantable", people.grantable(viewer, groups));
        model.addAttribute("person", person);
        model.addAttribute("errors", errors);
        model.addAttribute("zone", clock.zoneOf(viewer.districtId()));
        return "people/list";
    }
}
