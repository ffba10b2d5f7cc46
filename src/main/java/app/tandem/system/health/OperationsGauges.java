package app.tandem.system.health;

import java.util.List;

import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code tandem_health_up{component=...}}: 1 while a part an operator alerts on is UP, else 0, read when Prometheus
 * scrapes. These parts leave the node ready when they are not up, so an alert on this gauge (or on the
 * {@code operations} health group) is how someone hears of them.
 */
@Component
class OperationsGauges implements MeterBinder {

    static final List<String> COMPONENTS = List.of("mailServer", "backups", "jobBacklog");

    private final HealthContributorRegistry health;

    OperationsGauges(HealthContributorRegistry health) {
        this.health = health;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String component : COMPONENTS) {
            Gauge.builder("tandem.health.up", health, h -> up(h, component))
                    .tag("component", component)
                    .description("1 while the part is up, 0 when it needs an operator")
                    .register(registry);
        }
    }

    private static double up(HealthContributorRegistry health, String component) {
        if (health.getContributor(component) instanceof HealthIndicator indicator) {
            return Status.UP.equals(indicator.health().getStatus()) ? 1 : 0;
        }
        return Double.NaN;
    }
}
