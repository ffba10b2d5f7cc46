package app.tandem.system.health;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

import app.tandem.system.DistrictClock;

/** Jobs that are due now and waiting for the job executor: timers, reminders, messages to send. */
@Component("jobQueue")
public class JobBacklog {

    private final ManagementService management;
    private final DistrictClock clock;

    public JobBacklog(ManagementService management, DistrictClock clock) {
        this.management = management;
        this.clock = clock;
    }

    public long dueNow() {
        return management.createJobQuery().executable().count();
    }

    public long failed() {
        return management.createJobQuery().noRetriesLeft().count();
    }

    /** How long the oldest due job has waited, in seconds; 0 when nothing waits. */
    public long oldestWaitSeconds() {
        List<Job> oldest = management.createJobQuery().executable().orderByJobDuedate().asc().listPage(0, 1);
        if (oldest.isEmpty() || oldest.get(0).getDuedate() == null) {
            return 0;
        }
        Date now = Date.from(clock.now());
        return Math.max(0, (now.getTime() - oldest.get(0).getDuedate().getTime()) / 1000);
    }
}
