package app.tandem.family;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import app.tandem.family.CaregiverProcesses.Var;
import app.tandem.system.ProcessVariables;

/**
 * Who reviews a student's progress update: the student's own teacher, as the roster or the school's pages name
 * them, while they teach at the student's school. The review task is theirs from the start (in their My tasks,
 * reminded to them); with no such teacher it is offered to the school's teachers, who also see it when the
 * teacher hands it back.
 */
@Component("studentTeachers")
public class StudentTeachers {

    private final Families families;

    StudentTeachers(Families families) {
        this.families = families;
    }

    /** @return the teacher's username, or null to leave the task to the school's teachers */
    public String reviewerOf(DelegateExecution execution) {
        return families.teacherOf(ProcessVariables.id(execution, Var.STUDENT_ID)).orElse(null);
    }
}
