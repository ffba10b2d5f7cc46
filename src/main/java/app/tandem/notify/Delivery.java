package app.tandem.notify;

/** How a person wants to hear of a task: an email at once, in the daily digest, or not at all. */
public enum Delivery {
    IMMEDIATE,
    DIGEST,
    NEVER;

    public String messageKey() {
        return "preferences.delivery." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
