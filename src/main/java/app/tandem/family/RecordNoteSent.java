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

/** Records that the printed note went home with the student: delivered on that day, in the letter's language. */
@Component("recordNoteSent")
class RecordNoteSent implements TaskListener {

    static final String SENT_ON = "sentOn";

    private final SubmittedForms forms;
    private final FamilyDeliveries deliveries;
    private final FamilyLetters letters;
    private final FamilyMessages messages;
    private final DistrictClock clock;
    private final Messages text;

    RecordNoteSent(SubmittedForms forms, FamilyDeliveries deliveries, FamilyLetters letters, FamilyMessages messages,
                   DistrictClock clock, Messages text) {
        this.forms = forms;
        this.deliveries = deliveries;
        this.letters = letters;
        this.messages = messages;
        this.clock = clock;
        this.text = text;
    }

    @Override
    public void notify(DelegateTask task) {
        long id = ProcessVariables.id(task, Var.FAMILY_MESSAGE_ID);
        SubmittedForm form = forms.of(task);
        LocalDate sentOn = form.requiredDate(SENT_ON);
        if (sentOn.isAfter(clock.today())) {
            throw text.invalid(SENT_ON, "invalid.notYet", sentOn);
        }
        form.discardFromProcess();
        String language = letters.languageOf(messages.find(id).orElseThrow());
        deliveries.delivered(id, Channel.PAPER_NOTE, language, clock.now(), sentOn, CompletedBy.of(task));
    }
}
