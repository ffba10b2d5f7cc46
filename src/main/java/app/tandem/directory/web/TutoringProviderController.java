package app.tandem.directory.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.tandem.directory.ChangeSource;
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.directory.StaffEditor;
import app.tandem.directory.Term;
import app.tandem.directory.Terms;
import app.tandem.directory.TutoringProvider;
import app.tandem.directory.TutoringProviders;
import app.tandem.directory.Viewer;
import app.tandem.system.FieldErrors;
import app.tandem.system.InvalidInputException;
import app.tandem.system.Messages;
import app.tandem.system.NotFound;

/**
 * A term's tutoring provider and its tutor leads, entered by those who add people to the school's staff: its
 * coordinators, the district's program managers (the access kit's {@link StaffEditor}). Anyone else gets a 404.
 */
@Controller
class TutoringProviderController {

    private final TutoringProviders providers;
    private final Terms terms;
    private final Schools schools;
    private final Messages messages;

    TutoringProviderController(TutoringProviders providers, Terms terms, Schools schools, Messages messages) {
        this.providers = providers;
        this.terms = terms;
        this.schools = schools;
        this.messages = messages;
    }

    private record Place(School school, Term term) {
    }

    @GetMapping("/terms/{termId}/provider")
    String page(Viewer who, @PathVariable long termId, Model model) {
        Place place = placeFor(who, termId);
        TutoringProvider provider = providers.ofTerm(termId).orElse(null);
        return page(model, place, provider == null ? "" : provider.name(),
                provider == null ? List.of() : provider.tutorLeads(), new FieldErrors());
    }

    @PostMapping("/terms/{termId}/provider")
    String save(Viewer who, @PathVariable long termId, @RequestParam(defaultValue = "") String providerName,
                @RequestParam(required = false) List<String> tutorLeads, Model model, RedirectAttributes redirect) {
        Place place = placeFor(who, termId);
        List<String> leads = tutorLeads == null ? List.of() : tutorLeads;
        try {
            providers.save(place.school(), place.term(), providerName, leads, who.username(), ChangeSource.PAGE);
            redirect.addFlashAttribute("notice", messages.text("provider.saved", place.school().name(),
                    place.term().name()));
            return "redirect:/terms/" + termId + "/provider";
        } catch (InvalidInputException refused) {
            FieldErrors errors = new FieldErrors();
            errors.add(refused);
            return page(model, place, providerName, leads, errors);
        }
    }

    private String page(Model model, Place place, String name, List<String> leads, FieldErrors errors) {
        model.addAttribute("school", place.school());
        model.addAttribute("term", place.term());
        model.addAttribute("providerName", name);
        model.addAttribute("tutorLeads", leads);
        model.addAttribute("tutors", providers.tutorsAt(place.school().id()));
        model.addAttribute("errors", errors);
        return "directory/provider";
    }

    private Place placeFor(Viewer who, long termId) {
        StaffEditor editor = who.editor();
        Term term = terms.byId(termId).orElseThrow(NotFound::answer);
        School school = schools.byId(term.schoolId()).orElseThrow(NotFound::answer);
        if (school.districtId() != editor.districtId() || !editor.editsStaff() || !editor.mayWorkAt(school.id())) {
            throw NotFound.answer();
        }
        return new Place(school, term);
    }
}
