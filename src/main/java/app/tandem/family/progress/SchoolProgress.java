package app.tandem.family.progress;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.family.Families;
import app.tandem.family.Student;

/** Attendance and dosage as the school's page and a student's page show them. */
@Service
public class SchoolProgress {

    public record StudentProgress(Student student, Dosage dosage) {
    }

    /** @param students every student of the school, those below the target first, then by name */
    public record SchoolView(School school, int target, List<StudentProgress> students) {

        public long belowTarget() {
            return students.stream().filter(s -> s.dosage().belowTarget()).count();
        }
    }

    private final Schools schools;
    private final Families families;
    private final Dosages dosages;

    SchoolProgress(Schools schools, Families families, Dosages dosages) {
        this.schools = schools;
        this.families = families;
        this.dosages = dosages;
    }

    /** The district's schools among the given ones, by name. */
    public List<School> schools(long districtId, java.util.Set<Long> among) {
        return schools.inDistrict(districtId).stream().filter(school -> among.contains(school.id()))
                .sorted(java.util.Comparator.comparing(School::name)).toList();
    }

    public Optional<SchoolView> ofSchool(long schoolId) {
        return schools.byId(schoolId).map(school -> {
            List<Student> students = families.studentsOfSchool(schoolId);
            Map<Long, Dosage> dosage = dosages.of(schoolId, students.stream().map(Student::id).toList());
            List<StudentProgress> rows = students.stream()
                    .map(student -> new StudentProgress(student, dosage.get(student.id())))
                    .sorted(java.util.Comparator.comparing((StudentProgress p) -> !p.dosage().belowTarget())
                            .thenComparing(p -> p.student().fullName()))
                    .toList();
            return new SchoolView(school, dosages.targetAt(schoolId), rows);
        });
    }

    public Optional<StudentProgress> ofStudent(long studentId) {
        return families.student(studentId).map(student -> new StudentProgress(student,
                dosages.of(student.schoolId(), List.of(student.id())).get(student.id())));
    }
}
