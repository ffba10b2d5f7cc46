package app.tandem.family;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.tandem.notify.ContactCorrected;
import app.tandem.notify.MessageDelivered;
import app.tandem.system.DistrictClock;

/**
 * What the outbox reports about family messages: one went out (delivered, and logged as a
 * disclosure), or a liaison corrected the address the mail server refused (the caregiver's record
 * takes it). Runs inside the outbox's own transaction.
 */
@Component
class FamilyMailEvents {

    private final FamilyMessages messages;
    private final FamilyDeliveries deliveries;
    private final Families families;
    private final DistrictClock clock;

    FamilyMailEvents(FamilyMessages messages, FamilyDeliveries deliveries, Families families, DistrictClock clock) {
        this.messages = messages;
        this.deliveries = deliveries;
        this.families = families;
        this.clock = clock;
    }

    @EventListener
    void onDelivered(MessageDelivered event) {
        FamilyLetters.familyMessageIdOf(event.idempotencyKey())
                .flatMap(messages::find)
                .ifPresent(message -> deliveries.delivered(message.id(), Channel.EMAIL,
                        message.language() == null ? message.preferredLanguage() : message.language(),
                        clock.now(), null));
        AnswerFamily.replyIdOf(event.idempotencyKey())
                .ifPresent(replyId -> deliveries.answered(replyId, clock.now()));
    }

    @EventListener
    void onContactCorrected(ContactCorrected event) {
        FamilyLetters.familyMessageIdOf(event.idempotencyKey())
                .flatMap(messages::find)
                .ifPresent(message -> families.changeEmail(message.caregiverId(), event.correctedAddress()));
    }
}
