package app.tandem.directory;

/** Where a term stands, as /admin/terms shows it. */
public enum TermStatus {
    PLANNED, RUNNING, ENDED, CANCELLED;

    public String messageKey() {
        return "term.status." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
