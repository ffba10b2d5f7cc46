package app.tandem.family;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import app.tandem.family.CaregiverProcesses.Var;
import app.tandem.notify.Outbox;
import app.tandem.system.ProcessVariables;

/**
 * Hands the letter to the outbox (one row per family message, so a retried step never sends twice).
 * The disclosure is logged when the outbox reports the message out.
 */
@Component("sendFamilyEmail")
class SendFamilyEmail implements JavaDelegate {

    private final FamilyLetters letters;
    private final FamilyMessages messages;
    private final Outbox outbox;

    SendFamilyEmail(FamilyLetters letters, FamilyMessages messages, Outbox outbox) {
        this.letters = letters;
        this.messages = messages;
        this.outbox = outbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ProcessVariables.id(execution, Var.FAMILY_MESSAGE_ID);
        FamilyLetters.Letter letter = letters.compose(id);
        long outboxId = outbox.enqueue(letter.message());
        messages.markQueued(id, letter.language(), outboxId);
    }
}
