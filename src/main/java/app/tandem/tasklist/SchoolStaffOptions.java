package app.tandem.tasklist;

import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import app.tandem.directory.StaffDirectory;
import app.tandem.forms.FormCheck;
import app.tandem.forms.FormComponent;
import app.tandem.forms.FormOption;

/**
 * The choices of a form's components for one task. {@code valuesKey: "schoolStaffOptions"} is the
 * staff of the task's school, by name, with the username as value; no process variable holds it.
 */
@Component
class SchoolStaffOptions {

    private final StaffDirectory staff;

    SchoolStaffOptions(StaffDirectory staff) {
        this.staff = staff;
    }

    Function<FormComponent, List<FormOption>> forTask(TaskRecord task) {
        return forSchool(task.schoolId());
    }

    Function<FormComponent, List<FormOption>> forSchool(Long schoolId) {
        var memo = new Object() {
            List<FormOption> schoolStaff;
        };
        return component -> {
            if (component.valuesKey() == null) {
                return component.values();
            }
            if (!FormCheck.SCHOOL_STAFF.equals(component.valuesKey()) || schoolId == null) {
                return List.of();
            }
            if (memo.schoolStaff == null) {
                memo.schoolStaff = staff.atSchool(schoolId).stream()
                        .map(member -> new FormOption(member.fullName(), member.username()))
                        .toList();
            }
            return memo.schoolStaff;
        };
    }
}
