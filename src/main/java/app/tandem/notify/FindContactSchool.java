package app.tandem.notify;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import app.tandem.directory.Role;
import app.tandem.directory.StaffDirectory;
import app.tandem.system.ProcessVariables;

/**
 * Before "Fix the contact details" is made: the school of the refused message's recipient (a staff member's
 * first school, or the school a contact's feature names) becomes the process's school id, so the task reaches
 * that school's liaisons in Tandem, is reminded and escalated, and is in their digest. A recipient of no school
 * (a staff member at the district office, a board member) gives the task to the district's managers instead,
 * offered across the district: no task is left where only an operator would see it.
 */
@Component("findContactSchool")
class FindContactSchool implements ExecutionListener {

    static final String FIXERS = "contactFixers";

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
            execution.setVariable(FIXERS, Role.LIAISON.groupId());
            return;
        }
        Optional<OutboxMessage> message = messages.find(ProcessVariables.id(execution, DeliverMessage.OUTBOX_MESSAGE_ID));
        Optional<Long> school = message.flatMap(this::schoolOf);
        if (school.isPresent()) {
            execution.setVariable(ProcessVariables.SCHOOL_ID, school.get());
            execution.setVariable(FIXERS, Role.LIAISON.groupId());
            return;
        }
        execution.setVariable(FIXERS, Role.MANAGER.groupId());
        if (execution.getVariable(ProcessVariables.DISTRICT_ID) == null) {
            message.flatMap(this::districtOf)
                    .ifPresent(districtId -> execution.setVariable(ProcessVariables.DISTRICT_ID, districtId));
        }
    }

    private Optional<Long> schoolOf(OutboxMessage message) {
        if (message.recipientUsername() != null) {
            Collection<Long> schools = staff.workplaceOf(message.recipientUsername()).schoolIds();
            return schools.stream().min(Long::compare);
        }
        return contacts.stream().map(port -> port.schoolOf(message)).flatMap(Optional::stream).findFirst();
    }

    private Optional<Long> districtOf(OutboxMessage message) {
        if (message.recipientUsername() != null) {
            return Optional.ofNullable(staff.workplaceOf(message.recipientUsername()).districtId());
        }
        return contacts.stream().map(port -> port.districtOf(message)).flatMap(Optional::stream).findFirst();
    }
}
