package app.tandem.family;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import app.tandem.family.CaregiverProcesses.Var;
import app.tandem.forms.CompletedBy;
import app.tandem.forms.SubmittedForm;
import app.tandem.forms.SubmittedForms;
import app.tandem.system.DistrictClock;
import app.tandem.system.Messages;
import app.tandem.system.ProcessVariables;

/**
 * Records a liaison's call: reached or a message left counts as delivered (in the caregiver's
 * language, or in English when the call was not); a wrong number goes to fixing the contact.
 */
@Component("recordCall")
class RecordCall implements TaskListener {

    static final String CALLED_ON = "calledOn";
    static final String CALL_OUTCOME = "callOutcome";
    static final String IN_THEIR_LANGUAGE = "inTheirLanguage";

    private final SubmittedForms forms;
    private final FamilyMessages messages;
    private final FamilyDeliveries deliveries;
    private final Families families;
    private final DistrictClock clock;
    private final Messages text;

    RecordCall(SubmittedForms forms, FamilyMessages messages, FamilyDeliveries deliveries,
               Families families, DistrictClock clock, Messages text) {
        this.forms = forms;
        this.messages = messages;
        this.deliveries = deliveries;
        this.families = families;
        this.clock = clock;
        this.text = text;
    }

    @Override
    public void notify(DelegateTask task) {
        long id = ProcessVariables.id(task, Var.FAMILY_MESSAGE_ID);
        FamilyMessage message = messages.find(id).orElseThrow();
        SubmittedForm form = forms.of(task);
        LocalDate calledOn = form.requiredDate(CALLED_ON);
        if (calledOn.isAfter(clock.today())) {
            throw text.invalid(CALLED_ON, "invalid.notYet", calledOn);
        }
        String outcome = form.requiredOption(CALL_OUTCOME);
        boolean inTheirLanguage = form.flag(IN_THEIR_LANGUAGE);
        form.discardFromProcess();
        String by = CompletedBy.of(task);
        boolean wrongNumber = "wrong-number".equals(outcome);
        switch (outcome) {
            case "reached", "message-left" -> deliveries.delivered(id, Channel.PHONE_CALL,
                    inTheirLanguage ? message.preferredLanguage() : FamilyLanguages.ENGLISH, clock.now(), calledOn, by);
            case "not-reached" -> messages.markNotReached(id, Channel.PHONE_CALL, by);
            default -> {
                Caregiver caregiver = families.caregiver(message.caregiverId()).orElseThrow();
                families.changeContact(caregiver.id(), caregiver.email(), null, caregiver.preferredChannel());
            }
        }
        task.getExecution().setVariableLocal(Var.WRONG_NUMBER, wrongNumber);
    }
}
