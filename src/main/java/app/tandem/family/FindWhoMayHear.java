package app.tandem.family;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import app.tandem.family.CaregiverProcesses.Var;
import app.tandem.system.DistrictClock;
import app.tandem.system.ProcessVariables;

/**
 * One message per caregiver on record for the student: planned for those who may hear about them,
 * withheld with the reason for the rest (contact not allowed; an adult student's no).
 */
@Component("findWhoMayHear")
class FindWhoMayHear implements JavaDelegate {

    private final Families families;
    private final FamilyMessages messages;
    private final DistrictClock clock;

    FindWhoMayHear(Families families, FamilyMessages messages, DistrictClock clock) {
        this.families = families;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long updateId = ProcessVariables.id(execution, Var.UPDATE_ID);
        long studentId = ProcessVariables.id(execution, Var.STUDENT_ID);
        long schoolId = ProcessVariables.id(execution, ProcessVariables.SCHOOL_ID);
        long termId = ProcessVariables.id(execution, ProcessVariables.TERM_ID);
        int cycle = ((Number) execution.getVariable(Var.CYCLE)).intValue();
        if (messages.ofUpdate(updateId).isEmpty()) {
            for (CaregiverLink link : families.caregiversOf(studentId)) {
                WithheldReason withheld = link.withheldOn(clock.today()).orElse(null);
                messages.plan(schoolId, termId, link.caregiver().id(), FamilyMessageKind.PROGRESS_UPDATE, studentId,
                        updateId, cycle, link.caregiver().preferredLanguage(), withheld,
                        execution.getProcessInstanceId(), clock.now());
            }
        }
        execution.setVariable(Var.RECIPIENT_COUNT, messages.toSend(updateId).size());
    }
}
