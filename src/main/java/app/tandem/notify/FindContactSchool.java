package app.tandem.notify;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import app.tandem.directory.StaffDirectory;
import app.tandem.system.ProcessVariables;

/**
 * Before "Fix the contact details" is made: the school of the refused message's recipient (a staff member's
 * first school, or the school a contact's feature names) becomes the process's school id, so the task reaches
 * that school's liaisons in Tandem, is reminded and escalated, and is in their digest.
 */
@Component("findContactSchool")
class FindContactSchool implements ExecutionListener {

    private final OutboxMessages messages;
    private final StaffDirectory staff;
    private final List<ContactSchools> contacts;

    FindContactSchool(OutboxMessages messages, StaffDirectory staff, List<ContactSchools> contacts) {
        this.messages = messages;
        this.staff = staff;
        this.contacts = contacts;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.getVariable(ProcessVariables.SCHOOL_ID) != null) {
            return;
        }
        messages.find(ProcessVariables.id(execution, DeliverMessage.OUTBOX_MESSAGE_ID))
                .flatMap(this::schoolOf)
                .ifPresent(schoolId -> execution.setVariable(ProcessVariables.SCHOOL_ID, schoolId));
    }

    private Optional<Long> schoolOf(OutboxMessage message) {
        if (message.recipientUsername() != null) {
            Collection<Long> schools = staff.workplaceOf(message.recipientUsername()).schoolIds();
            return schools.stream().min(Long::compare);
        }
        return contacts.stream().map(port -> port.schoolOf(message)).flatMap(Optional::stream).findFirst();
    }
}
