package app.tandem.family.web;

import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.tandem.directory.Role;
import app.tandem.directory.Viewer;
import app.tandem.family.Channel;
import app.tandem.family.FamilyOptOuts;
import app.tandem.system.DistrictClock;
import app.tandem.system.Messages;
import app.tandem.system.NotFound;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The families of one's schools who unsubscribed from email: when and how. A coordinator chooses whether the
 * school calls them or sends notes home; a liaison records a family's new consent to email. Others get a 404.
 */
@Controller
class OptOutsController {

    private static final Set<String> READERS = Set.of(Role.COORDINATOR.groupId(), Role.LIAISON.groupId(),
            Role.MANAGER.groupId());
    private static final int LONGEST_NOTE = 500;

    private final FamilyOptOuts optOuts;
    private final FamilyReaders readers;
    private final Messages messages;
    private final DistrictClock clock;

    OptOutsController(FamilyOptOuts optOuts, FamilyReaders readers, Messages messages, DistrictClock clock) {
        this.optOuts = optOuts;
        this.readers = readers;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/family/opt-outs")
    String list(Viewer who, Model model) {
        return page(who, model, Map.of(), null);
    }

    @PostMapping("/family/opt-outs/{caregiverId}/channel")
    String reachBy(Viewer who, @PathVariable long caregiverId, @RequestParam(defaultValue = "") String channel,
                   RedirectAttributes redirect) {
        mayChange(who, caregiverId, Role.COORDINATOR, Role.MANAGER);
        Channel chosen = Channel.parse(channel).filter(c -> c != Channel.EMAIL).orElseThrow(NotFound::answer);
        optOuts.reachBy(caregiverId, chosen);
        redirect.addFlashAttribute("notice", messages.text("family.optOuts.channelChosen"));
        return "redirect:/family/opt-outs";
    }

    @PostMapping("/family/opt-outs/{caregiverId}/consent")
    String consent(Viewer who, @PathVariable long caregiverId, @RequestParam(defaultValue = "") String note,
                   @RequestParam(required = false) Long student, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        mayChange(who, caregiverId, Role.LIAISON);
        String problem = note.isBlank() ? messages.text("family.optOuts.noteRequired")
                : note.strip().length() > LONGEST_NOTE ? messages.text("family.optOuts.noteTooLong", LONGEST_NOTE) : null;
        if (problem != null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return page(who, model, Map.of(caregiverId, problem), Map.entry(caregiverId, note));
        }
        optOuts.recordConsent(caregiverId, who.username(), note.strip());
        redirect.addFlashAttribute("notice", messages.text("family.optOuts.consentRecorded"));
        // Back to the student's page the form was on; only an id, so never a redirect elsewhere.
        return student == null ? "redirect:/family/opt-outs" : "redirect:/family/students/" + student;
    }

    private String page(Viewer who, Model model, Map<Long, String> errors, Map.Entry<Long, String> typed) {
        model.addAttribute("optedOut", optOuts.atSchools(readers.schoolsOf(who, READERS)));
        model.addAttribute("zone", clock.zone());
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed == null ? Map.of() : Map.of(typed.getKey(), typed.getValue()));
        model.addAttribute("channels", java.util.List.of(Channel.PHONE_CALL, Channel.PAPER_NOTE));
        model.addAttribute("mayChoose", who.hasAny(Role.COORDINATOR, Role.MANAGER));
        model.addAttribute("mayConsent", who.has(Role.LIAISON));
        return "family/opt-outs";
    }

    private void mayChange(Viewer who, long caregiverId, Role... roles) {
        if (!who.hasAny(roles) || !optOuts.atOneOf(caregiverId, readers.schoolsOf(who, READERS))) {
            throw NotFound.answer();
        }
    }
}
