package app.tandem.family;

import java.util.OptionalInt;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

import app.tandem.family.CaregiverProcesses.Var;
import app.tandem.system.DistrictClock;
import app.tandem.system.ProcessVariables;

/**
 * Starts the progress updates that fall due in a week of a school's term: one caregiver-update
 * instance per student whose update is due, each its own instance (business key
 * studentId/termId/cycle), so 100,000 students never contend on one process instance. A cycle
 * already started is not started again.
 */
@Service
public class CaregiverUpdateStarts {

    private final Families families;
    private final CaregiverUpdates updates;
    private final CaregiverUpdateCadence cadence;
    private final RuntimeService runtime;
    private final DistrictClock clock;

    CaregiverUpdateStarts(Families families, CaregiverUpdates updates, CaregiverUpdateCadence cadence,
                          RuntimeService runtime, DistrictClock clock) {
        this.families = families;
        this.updates = updates;
        this.cadence = cadence;
        this.runtime = runtime;
        this.clock = clock;
    }

    /** @return how many updates were started */
    public int startDue(long schoolId, long termId, int week) {
        int started = 0;
        for (Student student : families.studentsOfSchool(schoolId)) {
            OptionalInt cycle = cadence.cycleIn(week, student);
            if (cycle.isEmpty()) {
                continue;
            }
            var updateId = updates.create(schoolId, termId, student.id(), cycle.getAsInt(), clock.now());
            if (updateId.isPresent()) {
                String pi = runtime.startProcessInstanceByKey(CaregiverProcesses.UPDATE_PROCESS_KEY,
                        CaregiverProcesses.updateBusinessKey(student.id(), termId, cycle.getAsInt()),
                        variables(schoolId, termId, student.id(), cycle.getAsInt(), updateId.get())).getId();
                updates.recordProcessInstance(updateId.get(), pi);
                started++;
            }
        }
        return started;
    }

    /** The variables a caregiver-update instance starts with: ids and the cycle, nothing personal. */
    public static VariableMap variables(long schoolId, long termId, long studentId, int cycle, long updateId) {
        return Variables.createVariables()
                .putValue(Var.STUDENT_ID, studentId)
                .putValue(ProcessVariables.SCHOOL_ID, schoolId)
                .putValue(ProcessVariables.TERM_ID, termId)
                .putValue(Var.CYCLE, cycle)
                .putValue(Var.UPDATE_ID, updateId);
    }
}
