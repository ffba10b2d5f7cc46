package app.tandem.family;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import app.tandem.family.CaregiverProcesses.Var;
import app.tandem.forms.CompletedBy;
import app.tandem.forms.SubmittedForm;
import app.tandem.forms.SubmittedForms;
import app.tandem.system.Messages;
import app.tandem.system.ProcessVariables;

/**
 * A liaison fixed a caregiver's contact details (a corrected address or number, another channel), or
 * found they cannot be reached. The details go to the caregiver's record, never into the process.
 */
@Component("correctCaregiverContact")
class CorrectCaregiverContact implements TaskListener {

    static final String EMAIL = "email";
    static final String PHONE = "phone";
    static final String CHANNEL = "channel";

    private final SubmittedForms forms;
    private final FamilyMessages messages;
    private final Families families;
    private final Messages text;

    CorrectCaregiverContact(SubmittedForms forms, FamilyMessages messages, Families families,
                            Messages text) {
        this.forms = forms;
        this.messages = messages;
        this.families = families;
        this.text = text;
    }

    @Override
    public void notify(DelegateTask task) {
        long id = ProcessVariables.id(task, Var.FAMILY_MESSAGE_ID);
        SubmittedForm form = forms.of(task);
        String email = form.text(EMAIL, 254);
        String phone = form.text(PHONE, 40);
        String channel = form.option(CHANNEL);
        boolean cannotReach = form.flag(Var.CANNOT_REACH);
        if (email != null && !ContactDetails.isEmail(email)) {
            throw text.invalid(EMAIL, "invalid.emailAddress", email);
        }
        if (phone != null && !ContactDetails.isPhone(phone)) {
            throw text.invalid(PHONE, "invalid.phone", phone);
        }
        form.discardFromProcess();
        FamilyMessage message = messages.find(id).orElseThrow();
        Caregiver caregiver = families.caregiver(message.caregiverId()).orElseThrow();
        families.changeContact(caregiver.id(), email == null ? caregiver.email() : email,
                phone == null ? caregiver.phone() : phone,
                channel == null ? caregiver.preferredChannel() : Channel.parse(channel).orElseThrow());
        if (cannotReach) {
            messages.markNotReached(id, null, CompletedBy.of(task));
        }
        task.getExecution().setVariableLocal(Var.CANNOT_REACH, cannotReach);
    }
}
