package app.tandem.notify;

import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.tandem.system.DistrictClock;

/**
 * Unsubscribing the address a family message went to. Only a token whose signature holds changes anything; the
 * same address again keeps its first opt-out.
 */
@Service
public class Unsubscribes {

    private final MailLinks links;
    private final OutboxMessages messages;
    private final MailOptOuts optOuts;
    private final ApplicationEventPublisher events;
    private final DistrictClock clock;

    Unsubscribes(MailLinks links, OutboxMessages messages, MailOptOuts optOuts, ApplicationEventPublisher events,
                 DistrictClock clock) {
        this.links = links;
        this.messages = messages;
        this.optOuts = optOuts;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the token names a family message: what the confirmation page asks before anything changes. */
    public boolean valid(String token) {
        return message(links.unsubscribing(token)).isPresent();
    }

    /** @return false when the token was changed or names no family message: then nothing changed */
    @Transactional
    public boolean unsubscribe(String token, OptOutSource source) {
        return message(links.unsubscribing(token)).map(message -> unsubscribe(message, source)).orElse(false);
    }

    boolean unsubscribe(OutboxMessage message, OptOutSource source) {
        if (optOuts.optOut(message.recipientAddress(), source, message.id(), clock.now())) {
            events.publishEvent(new AddressOptedOut(MailOptOuts.normal(message.recipientAddress()), message.id(),
                    message.idempotencyKey(), source, clock.now()));
        }
        return true;
    }

    private Optional<OutboxMessage> message(Optional<Long> id) {
        return id.flatMap(messages::find).filter(message -> message.kind().toFamily());
    }
}
