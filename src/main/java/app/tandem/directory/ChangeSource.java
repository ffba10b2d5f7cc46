package app.tandem.directory;

/** Where an administrative change was made. */
public enum ChangeSource {
    /** A roster file. */
    IMPORT,
    /** One of Tandem's pages. */
    PAGE,
    /** A task's form, such as a corrected address after a bounce. */
    TASK,
    /** Tandem itself: the demo district, the first start. */
    SETUP;

    public String messageKey() {
        return "changeLog.source." + name();
    }
}
