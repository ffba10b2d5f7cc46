package app.tandem.notify;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import app.tandem.system.health.Degraded;

/**
 * Whether the mail server answers. When it does not, messages wait in the outbox and are retried, not lost, so the
 * node stays ready and the state is DEGRADED rather than DOWN; the reason is the server's, with no address in it.
 */
@Component("mailServer")
public class MailServerHealth implements HealthIndicator {

    private final SmtpConnections connections;

    MailServerHealth(SmtpConnections connections) {
        this.connections = connections;
    }

    @Override
    public Health health() {
        try {
            connections.check();
            return Health.up().withDetail("relay", "UP").build();
        } catch (DeliveryFailure failure) {
            return Health.status(Degraded.STATUS).withDetail("relay", "DOWN")
                    .withDetail("reason", failure.getMessage()).build();
        }
    }

    /** @return why the mail server does not answer, or null when it does */
    public String unreachableBecause() {
        Health health = health();
        return Degraded.STATUS.equals(health.getStatus()) ? String.valueOf(health.getDetails().get("reason")) : null;
    }
}
