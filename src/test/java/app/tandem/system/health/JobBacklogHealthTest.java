package app.tandem.system.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

class JobBacklogHealthTest {

    @Test
    void shouldBeDownWhenDueJobsHaveWaitedLongerThanTheLimit() {
        assertThat(new JobBacklogHealth(backlog(601), Duration.ofMinutes(10)).health().getStatus())
                .isEqualTo(Status.DOWN);
    }

    @Test
    void shouldBeUpWhileDueJobsAreBeingTakenInTime() {
        var health = new JobBacklogHealth(backlog(30), Duration.ofMinutes(10)).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("oldestWaitSeconds", 30L).containsEntry("dueJobs", 12L);
    }

    private static JobBacklog backlog(long oldestWaitSeconds) {
        return new JobBacklog(null, null) {
            @Override
            public long dueNow() {
                return 12;
            }

            @Override
            public long failed() {
                return 0;
            }

            @Override
            public long oldestWaitSeconds() {
                return oldestWaitSeconds;
            }
        };
    }
}
