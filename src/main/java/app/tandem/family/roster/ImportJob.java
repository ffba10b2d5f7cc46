package app.tandem.family.roster;

/** One roster import running in the background, as its progress page polls it. */
public final class ImportJob {

    private final String id;
    private final String owner;
    private volatile RosterImporter.Phase phase = RosterImporter.Phase.CHECKING;
    private volatile int done;
    private volatile int total;
    private volatile RosterImporter.Result result;
    private volatile boolean failed;

    ImportJob(String id, String owner) {
        this.id = id;
        this.owner = owner;
    }

    public String id() {
        return id;
    }

    String owner() {
        return owner;
    }

    void at(RosterImporter.Phase phase, int done, int total) {
        this.phase = phase;
        this.done = done;
        this.total = total;
    }

    void finish(RosterImporter.Result result) {
        this.result = result;
    }

    void fail() {
        this.failed = true;
    }

    public boolean running() {
        return result == null && !failed;
    }

    public boolean failed() {
        return failed;
    }

    public RosterImporter.Phase phase() {
        return phase;
    }

    public int done() {
        return done;
    }

    public int total() {
        return total;
    }

    public RosterImporter.Result result() {
        return result;
    }
}
