package app.tandem.notify;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the mail server answers. Down means messages wait in the outbox and are retried, not lost;
 * the reason is the server's, with no address in it.
 */
@Component("mailServer")
class MailServerHealth implements HealthIndicator {

    private final SmtpConnections connections;

    MailServerHealth(SmtpConnections connections) {
        this.connections = connections;
    }

    @Override
    public Health health() {
        try {
            connections.check();
            return Health.up().build();
        } catch (DeliveryFailure failure) {
            return Health.down().withDetail("reason", failure.getMessage()).build();
        }
    }
}
