package app.tandem.family.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import app.tandem.directory.Role;
import app.tandem.directory.Viewer;
import app.tandem.family.Disclosure;
import app.tandem.family.DisclosureLog;
import app.tandem.family.Families;
import app.tandem.family.FamilyLetters;
import app.tandem.family.FamilyMessage;
import app.tandem.family.FamilyMessageStatus;
import app.tandem.family.FamilyMessages;
import app.tandem.family.Student;
import app.tandem.system.DistrictClock;
import app.tandem.system.NotFound;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The disclosure log of one's schools (searched by student, each line with what was sent, one student's lines as
 * CSV for a family's request), and one family message as its caregiver reads it (what a liaison says on the
 * phone, translates, or a teacher prints). Staff see their schools only, managers their district; the export is
 * for coordinators, liaisons and managers; anyone else gets a 404.
 */
@Controller
class FamilyPages {

    private static final Set<String> LOG_READERS = Set.of(Role.COORDINATOR.groupId(), Role.LIAISON.groupId(),
            Role.SCHOOL_LEADER.groupId(), Role.MANAGER.groupId());
    private static final Set<String> EXPORTERS = Set.of(Role.COORDINATOR.groupId(), Role.LIAISON.groupId(),
            Role.MANAGER.groupId());
    private static final Set<String> MESSAGE_READERS = Set.of(Role.COORDINATOR.groupId(), Role.LIAISON.groupId(),
            Role.TEACHER.groupId(), Role.SCHOOL_LEADER.groupId(), Role.MANAGER.groupId());

    private final DisclosureLog log;
    private final FamilyMessages messages;
    private final Families families;
    private final FamilyLetters letters;
    private final FamilyReaders readers;
    private final DistrictClock clock;
    private final DisclosuresCsv csv;
    private final PhraseBookAccess phraseBooks;

    FamilyPages(DisclosureLog log, FamilyMessages messages, Families families, FamilyLetters letters,
                FamilyReaders readers, DistrictClock clock, DisclosuresCsv csv, PhraseBookAccess phraseBooks) {
        this.csv = csv;
        this.phraseBooks = phraseBooks;
        this.clock = clock;
        this.log = log;
        this.messages = messages;
        this.families = families;
        this.letters = letters;
        this.readers = readers;
    }

    /** The newest lines of one's schools; or those about students found by name or district id; or one student's. */
    @GetMapping("/family/disclosures")
    String disclosures(Viewer who, @RequestParam(defaultValue = "") String student,
                       @RequestParam(required = false) Long studentId, Model model) {
        List<Long> schools = List.copyOf(readers.schoolsOf(who, LOG_READERS));
        if (studentId != null) {
            Student one = studentOf(who, studentId, LOG_READERS);
            model.addAttribute("student", one);
            model.addAttribute("mayExport", who.groups().stream().anyMatch(EXPORTERS::contains));
            model.addAttribute("disclosures", log.ofStudent(one.id()));
        } else {
            model.addAttribute("disclosures", student.isBlank() ? log.ofSchools(schools, 500)
                    : log.search(schools, student, 500));
        }
        model.addAttribute("search", student);
        model.addAttribute("zone", clock.zone());
        return "family/disclosures";
    }

    /** One line of the log with what was sent, as it was sent. */
    @GetMapping("/family/disclosures/{id}")
    String disclosure(Viewer who, @PathVariable long id, Model model) {
        Disclosure disclosure = log.find(id)
                .filter(d -> readers.schoolsOf(who, LOG_READERS).contains(d.schoolId()))
                .orElseThrow(NotFound::answer);
        model.addAttribute("d", disclosure);
        model.addAttribute("copy", log.copyOf(id).orElse(null));
        model.addAttribute("zone", clock.zone());
        return "family/disclosure";
    }

    /** Everything disclosed about one student, for a family's request to see to whom their child's records went. */
    @GetMapping("/family/disclosures/students/{studentId}.csv")
    void export(Viewer who, @PathVariable long studentId, HttpServletResponse response) throws IOException {
        Student student = studentOf(who, studentId, EXPORTERS);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"disclosures-" + student.studentNumber().replaceAll("[^A-Za-z0-9-]", "_")
                        + "-" + clock.today() + ".csv\"");
        csv.write(student, log.ofStudent(studentId), log::copyOf, response.getWriter());
    }

    private Student studentOf(Viewer who, long studentId, Set<String> groups) {
        return families.student(studentId)
                .filter(s -> readers.schoolsOf(who, groups).contains(s.schoolId()))
                .orElseThrow(NotFound::answer);
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
            model.addAttribute("phraseBook", phraseBooks.mayRead(who, message.preferredLanguage())
                    ? message.preferredLanguage() : null);
        }
        return "family/message";
    }
}
