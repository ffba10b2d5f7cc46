package app.tandem.campaign;

/** A handover as a manager asks for it, before it is checked. */
public record HandoverEntry(String handoverFrom, String handoverTo, String handoverReason) {
}
