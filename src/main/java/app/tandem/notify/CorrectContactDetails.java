package app.tandem.notify;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import app.tandem.directory.ChangeSource;
import app.tandem.directory.StaffDirectory;
import app.tandem.forms.SubmittedForm;
import app.tandem.forms.SubmittedForms;
import app.tandem.system.DistrictClock;
import app.tandem.system.Messages;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * A liaison fixed (or gave up on) an address the mail server refused: a corrected address goes to
 * the directory and the message, which goes back in the outbox when asked; otherwise the message is dropped.
 * The address itself never becomes a process variable. A message to someone outside the staff (a
 * caregiver) is announced as {@link ContactCorrected}, so the feature that owns that contact keeps it.
 */
@Component("correctContactDetails")
class CorrectContactDetails implements TaskListener {

    static final String CORRECTED_ADDRESS = "correctedAddress";

    private final SubmittedForms forms;
    private final OutboxMessages messages;
    private final StaffDirectory staff;
    private final Messages text;
    private final ApplicationEventPublisher events;
    private final DistrictClock clock;

    CorrectContactDetails(SubmittedForms forms, OutboxMessages messages, StaffDirectory staff, Messages text,
                          ApplicationEventPublisher events, DistrictClock clock) {
        this.clock = clock;
        this.forms = forms;
        this.messages = messages;
        this.staff = staff;
        this.text = text;
        this.events = events;
    }

    @Override
    public void notify(DelegateTask task) {
        long id = ((Number) task.getVariable(DeliverMessage.OUTBOX_MESSAGE_ID)).longValue();
        SubmittedForm form = forms.of(task);
        String corrected = form.text(CORRECTED_ADDRESS, 254);
        if (corrected != null) {
            try {
                new InternetAddress(corrected, true).validate();
            } catch (AddressException e) {
                throw text.invalid(CORRECTED_ADDRESS, "invalid.emailAddress", corrected);
            }
        }
        form.discardFromProcess();
        boolean sendAgain = Boolean.TRUE.equals(task.getVariable(DeliverMessage.SEND_AGAIN)) || corrected != null;
        task.setVariable(DeliverMessage.SEND_AGAIN, sendAgain);
        OutboxMessage message = messages.find(id).orElseThrow();
        if (corrected != null && message.recipientUsername() != null) {
            staff.changeEmail(message.recipientUsername(), corrected, task.getAssignee(), ChangeSource.TASK);
        } else if (corrected != null) {
            events.publishEvent(new ContactCorrected(id, message.idempotencyKey(), corrected));
        }
        if (sendAgain) {
            messages.requeue(id, corrected, clock.now());
        } else {
            messages.markDropped(id);
        }
    }
}
