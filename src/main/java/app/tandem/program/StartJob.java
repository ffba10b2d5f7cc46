package app.tandem.program;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One "start all planned programs" as its progress page shows it, read from the database so that any node
 * shows it. A job whose node stopped while it ran shows as stopped once its heartbeat is old.
 */
public record StartJob(String id, String owner, long districtId, String programYear, int total,
                       List<Result> results, boolean finished, boolean failed, Instant heartbeatAt, Instant now) {

    /** How long a running job may be silent before its page says it stopped. */
    static final Duration SILENCE = Duration.ofMinutes(2);

    public enum Outcome {
        STARTED, ALREADY_RUNNING, NOT_STARTED;

        public String messageKey() {
            return "terms.start.outcome." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** What became of one term's program; {@code reason} says why it did not start. */
    public record Result(long termId, String schoolName, String termName, Outcome outcome, String reason) {
    }

    public StartJob {
        results = List.copyOf(results);
    }

    public boolean running() {
        return !finished && !stopped();
    }

    /** The node running it went away before it finished: what it started runs, the rest waits for another click. */
    public boolean stopped() {
        return !finished && heartbeatAt.plus(SILENCE).isBefore(now);
    }

    public int done() {
        return results.size();
    }

    public List<Result> with(Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).toList();
    }

    public int count(Outcome outcome) {
        return with(outcome).size();
    }
}
