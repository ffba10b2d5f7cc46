package app.tandem.family;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import app.tandem.family.CaregiverProcesses.Var;
import app.tandem.system.ProcessVariables;

/**
 * An email the outbox withheld because its address unsubscribed after it was queued is not the end of that update
 * or introduction: the message is planned again and a reach-caregiver-instead process calls the caregiver or sends
 * the note home, in the same transaction as the send step that withheld it.
 */
@Component
class ReachCaregiverInstead {

    private final FamilyMessages messages;
    private final RuntimeService runtime;

    ReachCaregiverInstead(FamilyMessages messages, RuntimeService runtime) {
        this.messages = messages;
        this.runtime = runtime;
    }

    void start(long familyMessageId) {
        if (!messages.markToReachInstead(familyMessageId)) {
            return;
        }
        FamilyMessage message = messages.find(familyMessageId).orElseThrow();
        VariableMap variables = Variables.createVariables()
                .putValue(Var.FAMILY_MESSAGE_ID, message.id())
                .putValue(Var.CAREGIVER_ID, message.caregiverId())
                .putValue(ProcessVariables.SCHOOL_ID, message.schoolId())
                .putValue(ProcessVariables.TERM_ID, message.termId());
        if (message.studentId() != null) {
            variables.putValue(Var.STUDENT_ID, message.studentId());
        }
        runtime.startProcessInstanceByKey(CaregiverProcesses.REACH_INSTEAD_PROCESS_KEY,
                "reach-" + message.id(), variables);
    }
}
