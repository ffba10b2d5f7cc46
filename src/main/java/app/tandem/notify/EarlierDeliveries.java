package app.tandem.notify;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deliver-message instances started before the outbox sent its own rows (one per message, with a send step and a
 * record step) still run their steps after an upgrade. The row is the sender's now (the upgrade made it due), so
 * both steps have nothing left to do, and those instances simply end.
 */
@Configuration(proxyBeanMethods = false)
class EarlierDeliveries {

    @Bean({"sendMessage", "recordDelivery"})
    JavaDelegate stepsOfEarlierDeliveries() {
        return execution -> {
            // the outbox sender sends the row and tells the features
        };
    }
}
