package app.tandem.program;

import java.util.ArrayList;
import java.util.List;

/** One "start all planned programs" running in the background, as its progress page polls it. */
public final class StartJob {

    public enum Outcome {
        STARTED, ALREADY_RUNNING, NOT_STARTED;

        public String messageKey() {
            return "terms.start.outcome." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** What became of one term's program; {@code reason} says why it did not start. */
    public record Result(long termId, String schoolName, String termName, Outcome outcome, String reason) {
    }

    private final String id;
    private final String owner;
    private final List<Result> results = new ArrayList<>();
    private volatile int total;
    private volatile boolean finished;
    private volatile boolean failed;

    StartJob(String id, String owner) {
        this.id = id;
        this.owner = owner;
    }

    public String id() {
        return id;
    }

    String owner() {
        return owner;
    }

    void plan(int total) {
        this.total = total;
    }

    synchronized void add(Result result) {
        results.add(result);
    }

    void finish() {
        finished = true;
    }

    void fail() {
        failed = true;
        finished = true;
    }

    public boolean running() {
        return !finished;
    }

    public boolean failed() {
        return failed;
    }

    public int total() {
        return total;
    }

    public synchronized int done() {
        return results.size();
    }

    public synchronized List<Result> results() {
        return List.copyOf(results);
    }

    public synchronized List<Result> with(Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).toList();
    }

    public int count(Outcome outcome) {
        return with(outcome).size();
    }
}
