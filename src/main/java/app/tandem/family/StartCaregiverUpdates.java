package app.tandem.family;

import java.util.OptionalInt;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import app.tandem.family.CaregiverProcesses.Var;

/**
 * A week of the term began: starts one caregiver-update instance per student whose update falls due,
 * each its own instance (business key studentId/termId/cycle), so 100,000 students never contend on
 * one process instance. A cycle already started is not started again.
 */
@Component("startCaregiverUpdates")
class StartCaregiverUpdates implements JavaDelegate {

    private final Families families;
    private final CaregiverUpdates updates;
    private final CaregiverUpdateCadence cadence;
    private final RuntimeService runtime;
    private final FamilyClock clock;

    StartCaregiverUpdates(Families families, CaregiverUpdates updates, CaregiverUpdateCadence cadence,
                          RuntimeService runtime, FamilyClock clock) {
        this.families = families;
        this.updates = updates;
        this.cadence = cadence;
        this.runtime = runtime;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object before = execution.getVariable(Var.UPDATE_WEEK);
        int week = before == null ? 1 : ((Number) before).intValue() + 1;
        execution.setVariable(Var.UPDATE_WEEK, week);
        long schoolId = FamilyClock.id(execution, Var.SCHOOL_ID);
        long termId = FamilyClock.id(execution, Var.TERM_ID);
        for (Student student : families.studentsOfSchool(schoolId)) {
            OptionalInt cycle = cadence.cycleIn(week, student);
            if (cycle.isEmpty()) {
                continue;
            }
            updates.create(schoolId, termId, student.id(), cycle.getAsInt(), clock.now()).ifPresent(updateId -> {
                String pi = runtime.startProcessInstanceByKey(CaregiverProcesses.UPDATE_PROCESS_KEY,
                        CaregiverProcesses.updateBusinessKey(student.id(), termId, cycle.getAsInt()),
                        Variables.createVariables()
                                .putValue(Var.STUDENT_ID, student.id())
                                .putValue(Var.SCHOOL_ID, schoolId)
                                .putValue(Var.TERM_ID, termId)
                                .putValue(Var.CYCLE, cycle.getAsInt())
                                .putValue(Var.UPDATE_ID, updateId)).getId();
                updates.recordProcessInstance(updateId, pi);
            });
        }
    }
}
