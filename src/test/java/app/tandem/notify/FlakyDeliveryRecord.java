package app.tandem.notify;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A feature that records deliveries and can be told to fail for a given message: the step after the send. */
@Component
class FlakyDeliveryRecord {

    private final Map<Long, Integer> failuresLeft = new ConcurrentHashMap<>();
    private final Map<Long, Integer> recorded = new ConcurrentHashMap<>();

    void failNextRecordsOf(long outboxMessageId, int times) {
        failuresLeft.put(outboxMessageId, times);
    }

    /** How many times the delivery of the message was recorded (each failed try left out). */
    int recordedOf(long outboxMessageId) {
        return recorded.getOrDefault(outboxMessageId, 0);
    }

    @EventListener
    void record(MessageDelivered delivered) {
        Integer left = failuresLeft.computeIfPresent(delivered.outboxMessageId(), (id, n) -> n - 1);
        if (left != null && left >= 0) {
            throw new IllegalStateException("Recording the delivery of outbox message "
                    + delivered.outboxMessageId() + " failed");
        }
        recorded.merge(delivered.outboxMessageId(), 1, Integer::sum);
    }
}
