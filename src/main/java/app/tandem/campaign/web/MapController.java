package app.tandem.campaign.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.tandem.campaign.Contact;
import app.tandem.campaign.ContactEntry;
import app.tandem.campaign.Contacts;
import app.tandem.campaign.DistrictStaff;
import app.tandem.directory.Viewer;
import app.tandem.system.DistrictClock;
import app.tandem.system.FieldErrors;
import app.tandem.system.Messages;
import app.tandem.system.NotFound;

/**
 * The decision-maker map of a district: its contacts drawn by influence and stance, adding and rating them,
 * and marking that someone new holds a contact's role.
 */
@Controller
class MapController {

    private final CampaignAccess access;
    private final Contacts contacts;
    private final DistrictStaff staff;
    private final DistrictClock clock;
    private final Messages messages;

    MapController(CampaignAccess access, Contacts contacts, DistrictStaff staff, DistrictClock clock,
                  Messages messages) {
        this.access = access;
        this.contacts = contacts;
        this.staff = staff;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping("/campaign/map")
    String map(Viewer person, @RequestParam(required = false) Long district, Model model) {
        Viewer viewer = access.reader(person);
        return page(model, viewer, districtOf(viewer, district), ContactEntry.blank(), new FieldErrors());
    }

    @PostMapping("/campaign/map/contacts")
    String add(Viewer person, @ModelAttribute ContactEntry entry, Model model, RedirectAttributes redirect) {
        Viewer viewer = access.manager(person);
        FieldErrors errors = contacts.check(viewer.districtId(), entry);
        if (!errors.isEmpty()) {
            return page(model, viewer, viewer.districtId(), entry, errors);
        }
        contacts.add(viewer.districtId(), entry, viewer.username(), clock.dateTime());
        redirect.addFlashAttribute("notice", messages.text("campaign.map.added", entry.contactName().strip()));
        return "redirect:/campaign/map";
    }

    @GetMapping("/campaign/map/contacts/{id}")
    String edit(Viewer person, @PathVariable long id, Model model) {
        Viewer viewer = access.manager(person);
        Contact contact = own(viewer, id);
        return contactPage(model, contact, ContactEntry.of(contact), new FieldErrors(), blankSuccessor(contact),
                new FieldErrors());
    }

    @PostMapping("/campaign/map/contacts/{id}")
    String update(Viewer person, @PathVariable long id, @ModelAttribute ContactEntry entry, Model model,
                  RedirectAttributes redirect) {
        Viewer viewer = access.manager(person);
        Contact contact = own(viewer, id);
        if (!contact.current()) {
            throw NotFound.answer();
        }
        FieldErrors errors = contacts.check(viewer.districtId(), entry);
        if (!errors.isEmpty()) {
            return contactPage(model, contact, entry, errors, blankSuccessor(contact), new FieldErrors());
        }
        contacts.update(id, entry, viewer.username(), clock.dateTime());
        redirect.addFlashAttribute("notice", messages.text("campaign.map.saved", entry.contactName().strip()));
        return "redirect:/campaign/map";
    }

    /** Someone new holds the contact's role: the contact stays in the history, the successor takes its place. */
    @PostMapping("/campaign/map/contacts/{id}/successor")
    String succeed(Viewer person, @PathVariable long id, @ModelAttribute ContactEntry successor, Model model,
                   RedirectAttributes redirect) {
        Viewer viewer = access.manager(person);
        Contact contact = own(viewer, id);
        if (!contact.current()) {
            throw NotFound.answer();
        }
        ContactEntry full = new ContactEntry(successor.contactName(), contact.organisation(), contact.group().code(),
                contact.roleTitle(), contact.decisionMaker(), contact.influence().code(), contact.stance().code(),
                successor.contactEmail(), successor.contactPhone(), successor.contactLanguage(),
                contact.channel().code(), contact.ownerUsername());
        FieldErrors errors = contacts.check(viewer.districtId(), full);
        if (!errors.isEmpty()) {
            return contactPage(model, contact, ContactEntry.of(contact), new FieldErrors(), successor, errors);
        }
        contacts.succeed(id, successor, viewer.username(), clock.dateTime());
        redirect.addFlashAttribute("notice", messages.text("campaign.map.succeeded", contact.fullName(),
                successor.contactName().strip()));
        return "redirect:/campaign/map";
    }

    private Contact own(Viewer viewer, long id) {
        return contacts.byId(id).filter(c -> c.districtId() == viewer.districtId())
                .orElseThrow(NotFound::answer);
    }

    private long districtOf(Viewer viewer, Long asked) {
        if (viewer.districtId() != null) {
            if (asked != null && !asked.equals(viewer.districtId())) {
                throw NotFound.answer();
            }
            return viewer.districtId();
        }
        if (asked == null || staff.districtCode(asked).isEmpty()) {
            throw NotFound.answer();
        }
        return asked;
    }

    private static ContactEntry blankSuccessor(Contact contact) {
        return new ContactEntry("", "", "", "", false, "", "", "", "", contact.language(), "", "");
    }

    private String page(Model model, Viewer viewer, long districtId, ContactEntry entry, FieldErrors errors) {
        var current = contacts.current(districtId);
        model.addAttribute("map", DecisionMakerMap.of(current));
        model.addAttribute("contacts", current);
        model.addAttribute("former", contacts.former(districtId));
        model.addAttribute("districtName", staff.districtName(districtId).orElse(""));
        model.addAttribute("manages", access.managesDistrict(viewer, districtId));
        model.addAttribute("entry", entry);
        model.addAttribute("errors", errors);
        Options.add(model, staff, districtId);
        return "campaign/map";
    }

    private String contactPage(Model model, Contact contact, ContactEntry entry, FieldErrors errors,
                               ContactEntry successor, FieldErrors successorErrors) {
        model.addAttribute("contact", contact);
        model.addAttribute("entry", entry);
        model.addAttribute("errors", errors);
        model.addAttribute("successor", successor);
        model.addAttribute("successorErrors", successorErrors);
        Options.add(model, staff, contact.districtId());
        return "campaign/contact";
    }
}
