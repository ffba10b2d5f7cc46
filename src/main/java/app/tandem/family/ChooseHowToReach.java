package app.tandem.family;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import app.tandem.family.CaregiverProcesses.Var;
import app.tandem.notify.MailOptOuts;
import app.tandem.system.ProcessVariables;

/**
 * The caregiver's preferred channel when their details allow it, else FIX_CONTACT. An address that unsubscribed
 * gets no email whatever the channel says (a roster may have set it back): a call with a usable number, else a note
 * home. The route is a local variable: each caregiver of an update is reached in its own branch.
 */
@Component("chooseHowToReach")
class ChooseHowToReach implements JavaDelegate {

    private final FamilyMessages messages;
    private final Families families;
    private final MailOptOuts optOuts;

    ChooseHowToReach(FamilyMessages messages, Families families, MailOptOuts optOuts) {
        this.messages = messages;
        this.families = families;
        this.optOuts = optOuts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FamilyMessage message = messages.find(ProcessVariables.id(execution, Var.FAMILY_MESSAGE_ID)).orElseThrow();
        Caregiver caregiver = families.caregiver(message.caregiverId()).orElseThrow();
        execution.setVariableLocal(Var.ROUTE, route(caregiver));
    }

    private String route(Caregiver caregiver) {
        return switch (caregiver.preferredChannel()) {
            case EMAIL -> !ContactDetails.isEmail(caregiver.email()) ? CaregiverProcesses.ROUTE_FIX_CONTACT
                    : optOuts.current(caregiver.email()).isEmpty() ? Channel.EMAIL.name()
                    : ContactDetails.isPhone(caregiver.phone()) ? Channel.PHONE_CALL.name() : Channel.PAPER_NOTE.name();
            case PHONE_CALL -> ContactDetails.isPhone(caregiver.phone()) ? Channel.PHONE_CALL.name()
                    : CaregiverProcesses.ROUTE_FIX_CONTACT;
            case PAPER_NOTE -> Channel.PAPER_NOTE.name();
        };
    }
}
