package app.tandem.family.progress;

/** How a student's latest assessment compares with the one before it. */
public enum Trend {
    UP, STEADY, DOWN;

    public String messageKey() {
        return "progress.trend." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
