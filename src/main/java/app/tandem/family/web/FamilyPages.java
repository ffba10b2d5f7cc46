package app.tandem.family.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import app.tandem.directory.Role;
import app.tandem.directory.Viewer;
import app.tandem.family.DisclosureLog;
import app.tandem.family.Families;
import app.tandem.family.FamilyLetters;
import app.tandem.family.FamilyMessage;
import app.tandem.family.FamilyMessageStatus;
import app.tandem.family.FamilyMessages;
import app.tandem.system.DistrictClock;
import app.tandem.system.NotFound;

/**
 * The disclosure log of one's schools, and one family message as its caregiver reads it (what a
 * liaison says on the phone, translates, or a teacher prints). Staff see their schools only,
 * managers their district; anyone else gets a 404.
 */
@Controller
class FamilyPages {

    private static final Set<String> LOG_READERS = Set.of(Role.COORDINATOR.groupId(), Role.LIAISON.groupId(),
            Role.SCHOOL_LEADER.groupId(), Role.MANAGER.groupId());
    private static final Set<String> MESSAGE_READERS = Set.of(Role.COORDINATOR.groupId(), Role.LIAISON.groupId(),
            Role.TEACHER.groupId(), Role.SCHOOL_LEADER.groupId(), Role.MANAGER.groupId());

    private final DisclosureLog log;
    private final FamilyMessages messages;
    private final Families families;
    private final FamilyLetters letters;
    private final FamilyReaders readers;
    private final DistrictClock clock;

    FamilyPages(DisclosureLog log, FamilyMessages messages, Families families, FamilyLetters letters,
                FamilyReaders readers, DistrictClock clock) {
        this.clock = clock;
        this.log = log;
        this.messages = messages;
        this.families = families;
        this.letters = letters;
        this.readers = readers;
    }

    @GetMapping("/family/disclosures")
    String disclosures(Viewer who, Model model) {
        model.addAttribute("disclosures", log.ofSchools(List.copyOf(readers.schoolsOf(who, LOG_READERS)), 500));
        model.addAttribute("zone", clock.zone());
        return "family/disclosures";
    }

    @GetMapping("/family/messages/{id}")
    String message(Viewer who, @PathVariable long id, Model model) {
        FamilyMessage message = messages.find(id)
                .filter(m -> readers.schoolsOf(who, MESSAGE_READERS).contains(m.schoolId()))
                .orElseThrow(NotFound::answer);
        if (message.status() == FamilyMessageStatus.WITHHELD) {
            throw NotFound.answer();
        }
        model.addAttribute("message", message);
        model.addAttribute("caregiver", families.caregiver(message.caregiverId()).orElseThrow());
        FamilyLetters.Letter letter = letters.compose(id);
        model.addAttribute("letter", letter.message());
        model.addAttribute("letterLanguage", Locale.forLanguageTag(letter.language()));
        model.addAttribute("rtl", "ar".equals(letter.language()));
        if (letters.needsTranslation(message)) {
            model.addAttribute("english", letters.english(id));
        }
        return "family/message";
    }
}
