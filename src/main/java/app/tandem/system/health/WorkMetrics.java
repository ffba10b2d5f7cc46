package app.tandem.system.health;

import java.util.Date;

import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import app.tandem.system.DistrictClock;

/** Gauges read when Prometheus scrapes: open and overdue tasks, and the job backlog. */
@Component
class WorkMetrics implements MeterBinder {

    private final TaskService tasks;
    private final JobBacklog backlog;
    private final DistrictClock clock;

    WorkMetrics(TaskService tasks, JobBacklog backlog, DistrictClock clock) {
        this.tasks = tasks;
        this.backlog = backlog;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("tandem.tasks.open", tasks, t -> t.createTaskQuery().active().count())
                .description("Open user tasks").register(registry);
        Gauge.builder("tandem.tasks.overdue", tasks,
                        t -> t.createTaskQuery().active().dueBefore(Date.from(clock.now())).count())
                .description("Open user tasks past their due date").register(registry);
        Gauge.builder("tandem.jobs.backlog", backlog, JobBacklog::dueNow)
                .description("Jobs due now and not yet run").register(registry);
        Gauge.builder("tandem.jobs.failed", backlog, JobBacklog::failed)
                .description("Jobs out of retries (incidents)").register(registry);
    }
}
