package app.tandem.family.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.i18n.LocaleContextHolder;
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
import app.tandem.family.FamilyLanguages;
import app.tandem.family.PhraseBook;
import app.tandem.family.LetterPhrases;
import app.tandem.system.DistrictClock;
import app.tandem.system.InvalidInputException;
import app.tandem.system.Messages;
import app.tandem.system.NotFound;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The phrase books: how much of each is reviewed, and one language's phrases, which the liaisons who speak it
 * translate and review. Managers and operators read them; the liaisons of a language (and operators) change it.
 * Anyone else gets a 404.
 */
@Controller
class PhraseBookController {

    private final PhraseBook book;
    private final PhraseBookAccess access;
    private final LetterPhrases phrases;
    private final Messages messages;
    private final DistrictClock clock;

    PhraseBookController(PhraseBook book, PhraseBookAccess access, LetterPhrases phrases, Messages messages,
                         DistrictClock clock) {
        this.book = book;
        this.access = access;
        this.phrases = phrases;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/family/phrases")
    String overview(Viewer who, Model model) {
        if (!who.hasAny(Role.MANAGER, Role.OPERATOR, Role.LIAISON)) {
            throw NotFound.answer();
        }
        List<PhraseBook.Coverage> coverage = book.coverage();
        model.addAttribute("coverage", coverage);
        model.addAttribute("readable", coverage.stream().filter(c -> access.mayRead(who, c.language()))
                .map(PhraseBook.Coverage::language).toList());
        model.addAttribute("names", coverage.stream()
                .collect(Collectors.toMap(PhraseBook.Coverage::language, c -> nameOf(c.language()))));
        return "family/phrases";
    }

    @GetMapping("/family/phrases/{language}")
    String book(Viewer who, @PathVariable String language, Model model) {
        if (!access.mayRead(who, language)) {
            throw NotFound.answer();
        }
        return page(who, language, model, Map.of(), Map.of());
    }

    @PostMapping("/family/phrases/{language}")
    String review(Viewer who, @PathVariable String language, @RequestParam(defaultValue = "") String key,
                  @RequestParam(defaultValue = "") String text, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        if (!access.mayReview(who, language) || !phrases.isPhrase(key)) {
            throw NotFound.answer();
        }
        try {
            book.review(language, key, text, who.username());
        } catch (InvalidInputException problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return page(who, language, model, Map.of(key, problem.getMessage()), Map.of(key, text));
        }
        redirect.addFlashAttribute("notice", messages.text("phrases.saved"));
        return "redirect:/family/phrases/" + language + "#phrase-" + phrases.all().indexOf(key);
    }

    private String page(Viewer who, String language, Model model, Map<String, String> errors,
                        Map<String, String> typed) {
        List<PhraseBook.Phrase> all = book.of(language);
        model.addAttribute("language", language);
        model.addAttribute("languageName", nameOf(language));
        model.addAttribute("direction", FamilyLanguages.direction(language));
        model.addAttribute("phrases", all);
        model.addAttribute("groups", LetterPhrases.GROUPS);
        model.addAttribute("reviewedCount", all.stream().filter(PhraseBook.Phrase::reviewed).count());
        model.addAttribute("mayReview", access.mayReview(who, language));
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        model.addAttribute("zone", clock.zone());
        return "family/phrase-book";
    }

    private static String nameOf(String language) {
        return Locale.forLanguageTag(language).getDisplayLanguage(LocaleContextHolder.getLocale());
    }
}
