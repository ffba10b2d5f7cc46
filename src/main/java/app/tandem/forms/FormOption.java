package app.tandem.forms;

/** One choice of a checklist, radio group or select. */
public record FormOption(String label, String value) {
}
