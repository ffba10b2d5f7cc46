package app.tandem.notify;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The step after the send's save point: tells the features that care that the message went out.
 * If it fails, only this step is retried; the message is not sent again.
 */
@Component("recordDelivery")
class RecordDelivery implements JavaDelegate {

    private final OutboxMessages messages;
    private final ApplicationEventPublisher events;

    RecordDelivery(OutboxMessages messages, ApplicationEventPublisher events) {
        this.messages = messages;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ((Number) execution.getVariable(DeliverMessage.OUTBOX_MESSAGE_ID)).longValue();
        messages.find(id)
                .filter(message -> message.status() == OutboxStatus.SENT)
                .ifPresent(message -> events.publishEvent(new MessageDelivered(message.id(), message.kind(),
                        message.idempotencyKey(), message.recipientUsername())));
    }
}
