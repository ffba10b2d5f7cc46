package app.tandem.family.web;

import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import app.tandem.directory.Role;
import app.tandem.directory.Viewer;
import app.tandem.family.FamilyOptOuts;
import app.tandem.system.DistrictClock;
import app.tandem.family.progress.SchoolProgress;
import app.tandem.family.progress.SchoolProgress.SchoolView;
import app.tandem.family.progress.SchoolProgress.StudentProgress;
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

    ProgressPages(SchoolProgress progress, FamilyReaders readers, FamilyOptOuts optOuts, DistrictClock clock) {
        this.progress = progress;
        this.readers = readers;
        this.optOuts = optOuts;
        this.clock = clock;
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
        return "family/student";
    }
}
