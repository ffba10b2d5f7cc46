package app.tandem.notify;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/** Messages by state, read from the outbox when Prometheus scrapes: sent, failed, waiting, stuck. */
@Component
class OutboxMetrics implements MeterBinder {

    private final JdbcClient jdbc;
    private final RuntimeService runtime;

    OutboxMetrics(JdbcClient jdbc, RuntimeService runtime) {
        this.jdbc = jdbc;
        this.runtime = runtime;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "sent", "Messages the mail server accepted", List.of(OutboxStatus.SENT));
        gauge(registry, "failed", "Messages refused for good or dropped", List.of(OutboxStatus.REFUSED, OutboxStatus.DROPPED));
        gauge(registry, "waiting", "Messages queued or waiting to retry", List.of(OutboxStatus.QUEUED, OutboxStatus.RETRYING));
        Gauge.builder("tandem.messages", runtime, engine -> engine.createIncidentQuery()
                        .incidentType(DeliverMessage.STUCK_INCIDENT).count())
                .tag("state", "stuck")
                .description("Messages whose retries ran out (waiting among them; an incident each)")
                .register(registry);
    }

    private void gauge(MeterRegistry registry, String state, String description, List<OutboxStatus> statuses) {
        List<String> names = statuses.stream().map(Enum::name).toList();
        Gauge.builder("tandem.messages", jdbc, db -> db.sql("select count(*) from outbox_message where status in (:s)")
                        .param("s", names).query(Long.class).single())
                .tag("state", state)
                .description(description)
                .register(registry);
    }
}
