package app.tandem.system.health;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** Down when due jobs wait longer than the set limit: reminders and mail would be late. */
@Component("jobBacklog")
class JobBacklogHealth implements HealthIndicator {

    private final JobBacklog backlog;
    private final Duration maxWait;

    JobBacklogHealth(JobBacklog backlog, @Value("${tandem.health.job-backlog-max-wait:PT10M}") Duration maxWait) {
        this.backlog = backlog;
        this.maxWait = maxWait;
    }

    @Override
    public Health health() {
        long waiting = backlog.oldestWaitSeconds();
        Health.Builder health = waiting > maxWait.toSeconds() ? Health.down() : Health.up();
        return health.withDetail("dueJobs", backlog.dueNow())
                .withDetail("oldestWaitSeconds", waiting)
                .withDetail("failedJobs", backlog.failed())
                .build();
    }
}
