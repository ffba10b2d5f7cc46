package app.tandem.family;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import app.tandem.family.CaregiverProcesses.Var;
import app.tandem.system.DistrictClock;
import app.tandem.system.ProcessVariables;

/**
 * Plans the caregiver's introduction: withheld (with the reason) when none of their children at the
 * school may be talked about to them; otherwise planned, with a translation when their language has
 * no reviewed text.
 */
@Component("findChildrenToIntroduce")
class FindChildrenToIntroduce implements JavaDelegate {

    private final Families families;
    private final FamilyMessages messages;
    private final CaregiverUpdates updates;
    private final FamilyLetters letters;
    private final DistrictClock clock;

    FindChildrenToIntroduce(Families families, FamilyMessages messages, CaregiverUpdates updates,
                            FamilyLetters letters, DistrictClock clock) {
        this.families = families;
        this.messages = messages;
        this.updates = updates;
        this.letters = letters;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caregiverId = ProcessVariables.id(execution, Var.CAREGIVER_ID);
        long schoolId = ProcessVariables.id(execution, ProcessVariables.SCHOOL_ID);
        long termId = ProcessVariables.id(execution, ProcessVariables.TERM_ID);
        Caregiver caregiver = families.caregiver(caregiverId).orElseThrow();
        List<CaregiverLink> children = families.childrenAtSchool(caregiverId, schoolId);
        Optional<WithheldReason> withheld = withheld(children);
        long messageId = messages.introduction(termId, caregiverId).map(FamilyMessage::id)
                .orElseGet(() -> messages.plan(schoolId, termId, caregiverId, FamilyMessageKind.INTRODUCTION, null, null,
                        null, caregiver.preferredLanguage(), withheld.orElse(null),
                        execution.getProcessInstanceId(), clock.now()));
        FamilyMessage message = messages.find(messageId).orElseThrow();
        boolean translate = withheld.isEmpty() && letters.needsTranslation(message);
        execution.setVariable(Var.FAMILY_MESSAGE_ID, messageId);
        execution.setVariable(Var.MAY_CONTACT, withheld.isEmpty());
        execution.setVariable(Var.TRANSLATION_NEEDED, translate);
        if (translate) {
            execution.setVariable(Var.TRANSLATION_ID,
                    updates.planTranslation(null, messageId, message.preferredLanguage()));
        }
    }

    /** Nothing is withheld while one child may be talked about; otherwise the first child's reason. */
    private Optional<WithheldReason> withheld(List<CaregiverLink> children) {
        Optional<WithheldReason> first = Optional.of(WithheldReason.CONTACT_NOT_ALLOWED);
        for (int i = children.size() - 1; i >= 0; i--) {
            Optional<WithheldReason> reason = children.get(i).withheldOn(clock.today());
            if (reason.isEmpty()) {
                return Optional.empty();
            }
            first = reason;
        }
        return first;
    }
}
