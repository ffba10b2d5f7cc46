package app.tandem.tasklist.form;

/** One choice of a checklist, radio group or select. */
public record FormOption(String label, String value) {
}
