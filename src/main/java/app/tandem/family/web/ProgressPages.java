package app.tandem.family.web;

import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.tandem.directory.Role;
import app.tandem.directory.Viewer;
import app.tandem.family.CheckInFlags;
import app.tandem.family.FamilyOptOuts;
import app.tandem.family.progress.SchoolProgress;
import app.tandem.family.progress.SchoolProgress.SchoolView;
import app.tandem.family.progress.SchoolProgress.StudentProgress;
import app.tandem.system.DistrictClock;
import app.tandem.system.Messages;
import app.tandem.system.NotFound;

/**
 * Attendance and dosage: a school's students against the term's weekly target, those below it flagged, and one
 * student's recent weeks and latest assessment. For the school's teachers, leaders, coordinators and liaisons, and
 * the district's managers; anyone else gets a 404.
 */
@Controller
class ProgressPages {

    private static final Set<String> READERS = Set.of(Role.COORDINATOR.groupId(), Role.TEACHER.groupId(),
            Role.SCHOOL_LEADER.groupId(), Role.LIAISON.groupId(), Role.MANAGER.groupId());

    private final SchoolProgress progress;
    private final FamilyReaders readers;
    private final FamilyOptOuts optOuts;
    private final DistrictClock clock;
    private final CheckInFlags flags;
    private final Messages messages;

    ProgressPages(SchoolProgress progress, FamilyReaders readers, FamilyOptOuts optOuts, DistrictClock clock,
                  CheckInFlags flags, Messages messages) {
        this.progress = progress;
        this.readers = readers;
        this.optOuts = optOuts;
        this.clock = clock;
        this.flags = flags;
        this.messages = messages;
    }

    @GetMapping("/family/progress")
    String schools(Viewer who, Model model) {
        Set<Long> readable = readers.schoolsOf(who, READERS);
        model.addAttribute("schools", who.districtId() == null ? java.util.List.of()
                : progress.schools(who.districtId(), readable));
        // A coordinator drafts for their own schools only; a manager reads others' progress but drafts none.
        model.addAttribute("draftSchools", who.has(Role.COORDINATOR) ? who.schoolIds() : Set.of());
        return "family/progress";
    }

    @GetMapping("/family/schools/{schoolId}/progress")
    String school(Viewer who, @PathVariable long schoolId, Model model) {
        if (!readers.schoolsOf(who, READERS).contains(schoolId)) {
            throw NotFound.answer();
        }
        SchoolView view = progress.ofSchool(schoolId).orElseThrow(NotFound::answer);
        model.addAttribute("view", view);
        model.addAttribute("drafts", who.has(Role.COORDINATOR) && who.worksAt(schoolId));
        return "family/school-progress";
    }

    @GetMapping("/family/students/{studentId}")
    String student(Viewer who, @PathVariable long studentId, Model model) {
        StudentProgress student = progress.ofStudent(studentId)
                .filter(s -> readers.schoolsOf(who, READERS).contains(s.student().schoolId()))
                .orElseThrow(NotFound::answer);
        model.addAttribute("progress", student);
        model.addAttribute("optedOut", optOuts.ofStudent(studentId));
        model.addAttribute("zone", clock.zone());
        model.addAttribute("mayConsent", who.has(Role.LIAISON));
        model.addAttribute("mayFlag", mayFlag(who, student.student().schoolId())
                && flags.termUnderWay(student.student().schoolId()).isPresent());
        model.addAttribute("flagged", flags.isFlagged(student.student()));
        return "family/student";
    }

    /** A teacher (or coordinator) of the student's school asks for the student at the next check-in, or no more. */
    @PostMapping("/family/students/{studentId}/check-in-flag")
    String flag(Viewer who, @PathVariable long studentId,
                @RequestParam(defaultValue = "true") boolean flagged,
                RedirectAttributes redirect) {
        StudentProgress student = progress.ofStudent(studentId)
                .filter(s -> mayFlag(who, s.student().schoolId()))
                .orElseThrow(NotFound::answer);
        boolean done = flags.flag(student.student(), flagged, who.username());
        redirect.addFlashAttribute("notice", messages.text(!done ? "agenda.flag.noTerm"
                : flagged ? "agenda.flag.done" : "agenda.flag.undone", student.student().fullName()));
        return "redirect:/family/students/" + studentId;
    }

    private static boolean mayFlag(Viewer who, long schoolId) {
        return who.hasAny(Role.TEACHER, Role.COORDINATOR) && who.worksAt(schoolId);
    }
}
