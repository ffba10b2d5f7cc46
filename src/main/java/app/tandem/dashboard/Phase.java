package app.tandem.dashboard;

/** Where a school's program is in its term, in the words a manager uses. */
public enum Phase {
    ALIGNMENT,
    WAITING_FOR_START,
    TERM,
    CLOSE_OUT,
    CLOSED;

    public String messageKey() {
        return "dashboard.phase." + name();
    }
}
