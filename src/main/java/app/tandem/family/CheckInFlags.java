package app.tandem.family;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.tandem.directory.Term;
import app.tandem.directory.Terms;
import app.tandem.program.MeetingStudents;
import app.tandem.system.DistrictClock;

/**
 * A teacher asks for a student to be discussed at the next check-in of the term under way at the student's school;
 * the check-in's agenda lists the student until a check-in is recorded with them on it.
 */
@Service
public class CheckInFlags {

    private final Terms terms;
    private final MeetingStudents students;
    private final DistrictClock clock;

    CheckInFlags(Terms terms, MeetingStudents students, DistrictClock clock) {
        this.terms = terms;
        this.students = students;
        this.clock = clock;
    }

    /** The term under way at the school today, if one is. */
    public Optional<Term> termUnderWay(long schoolId) {
        var today = clock.forSchool(schoolId).today();
        return terms.ofSchool(schoolId).stream()
                .filter(term -> !term.startsOn().isAfter(today) && !term.endsOn().isBefore(today))
                .findFirst();
    }

    public boolean isFlagged(Student student) {
        return termUnderWay(student.schoolId()).map(term -> students.flagged(term.id()).contains(student.id()))
                .orElse(false);
    }

    /** @return false when no term is under way at the student's school, so there is no check-in to discuss it at */
    @Transactional
    public boolean flag(Student student, boolean flagged, String teacher) {
        Optional<Term> term = termUnderWay(student.schoolId());
        if (term.isEmpty()) {
            return false;
        }
        if (flagged) {
            students.flag(student.id(), term.get().id(), teacher, clock.forSchool(student.schoolId()).dateTime());
        } else {
            students.unflag(student.id(), term.get().id());
        }
        return true;
    }
}
