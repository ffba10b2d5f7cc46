package app.tandem.dashboard;

/** The next milestone a school's program is waiting for. */
public enum NextStep {
    SCHEDULE_ALIGNMENT,
    ALIGNMENT_MEETING,
    TERM_START,
    CHECK_IN,
    CHECK_IN_WINDOW,
    IMPACT_SUMMARY,
    CLOSE_OUT_MEETING;

    public String messageKey() {
        return "dashboard.next." + name();
    }
}
