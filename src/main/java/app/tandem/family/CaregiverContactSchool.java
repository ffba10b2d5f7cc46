package app.tandem.family;

import java.util.Optional;

import org.springframework.stereotype.Component;

import app.tandem.notify.ContactSchools;
import app.tandem.notify.OutboxMessage;

/** A refused mail to a caregiver belongs to the school of the family message it carried. */
@Component
class CaregiverContactSchool implements ContactSchools {

    private final FamilyMessages messages;

    CaregiverContactSchool(FamilyMessages messages) {
        this.messages = messages;
    }

    @Override
    public Optional<Long> schoolOf(OutboxMessage message) {
        return FamilyLetters.familyMessageIdOf(message.idempotencyKey()).flatMap(messages::find)
                .map(FamilyMessage::schoolId);
    }
}
