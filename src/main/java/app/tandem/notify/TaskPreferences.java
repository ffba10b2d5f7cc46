package app.tandem.notify;

/** A person's choices for tasks assigned to them and tasks offered to one of their groups. */
public record TaskPreferences(Delivery assigned, Delivery offered) {

    static final TaskPreferences DEFAULTS = new TaskPreferences(Delivery.IMMEDIATE, Delivery.DIGEST);

    /** The daily digest goes to whoever chose it for either kind of task. */
    boolean wantsDigest() {
        return assigned == Delivery.DIGEST || offered == Delivery.DIGEST;
    }
}
