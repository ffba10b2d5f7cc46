package app.tandem.family;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import app.tandem.family.CaregiverProcesses.Var;
import app.tandem.system.ProcessVariables;

/**
 * After the alignment meeting: one caregiver-onboarding instance per caregiver of the school's
 * students (not a multi-instance inside the program, so a large school does not hold one instance
 * busy). A caregiver already introduced this term is not started again.
 */
@Component("introduceProgramToCaregivers")
class IntroduceProgramToCaregivers implements JavaDelegate {

    private final Families families;
    private final FamilyMessages messages;
    private final RuntimeService runtime;

    IntroduceProgramToCaregivers(Families families, FamilyMessages messages, RuntimeService runtime) {
        this.families = families;
        this.messages = messages;
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long schoolId = ProcessVariables.id(execution, ProcessVariables.SCHOOL_ID);
        long termId = ProcessVariables.id(execution, ProcessVariables.TERM_ID);
        for (long caregiverId : families.caregiverIdsAtSchool(schoolId)) {
            if (messages.introduction(termId, caregiverId).isPresent()) {
                continue;
            }
            runtime.startProcessInstanceByKey(CaregiverProcesses.ONBOARDING_PROCESS_KEY,
                    CaregiverProcesses.onboardingBusinessKey(caregiverId, termId),
                    Variables.createVariables()
                            .putValue(Var.CAREGIVER_ID, caregiverId)
                            .putValue(ProcessVariables.SCHOOL_ID, schoolId)
                            .putValue(ProcessVariables.TERM_ID, termId));
        }
    }
}
