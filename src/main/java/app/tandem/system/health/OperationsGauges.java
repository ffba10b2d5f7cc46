package app.tandem.system.health;

import java.util.List;
import java.util.Set;

import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code tandem_health_up{component=...}}: 0 while a part an operator alerts on is down or degraded, else 1 (up, or
 * not Tandem's to check, such as backups of PostgreSQL), read when Prometheus
 * scrapes. These parts leave the node ready when they are not up, so an alert on this gauge (or on the
 * {@code operations} health group) is how someone hears of them.
 */
@Component
class OperationsGauges implements MeterBinder {

    static final List<String> COMPONENTS = List.of("mailServer", "backups", "jobBacklog");

    private static final Set<Status> NEEDS_AN_OPERATOR = Set.of(Status.DOWN, Status.OUT_OF_SERVICE, Degraded.STATUS);

    private final HealthContributorRegistry health;

    OperationsGauges(HealthContributorRegistry health) {
        this.health = health;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String component : COMPONENTS) {
            Gauge.builder("tandem.health.up", health, h -> up(h, component))
                    .tag("component", component)
                    .description("0 when the part needs an operator, else 1")
                    .register(registry);
        }
    }

    private static double up(HealthContributorRegistry health, String component) {
        if (health.getContributor(component) instanceof HealthIndicator indicator) {
            return NEEDS_AN_OPERATOR.contains(indicator.health().getStatus()) ? 0 : 1;
        }
        return Double.NaN;
    }
}
