package app.tandem.directory;

import java.time.LocalDate;

/** Why and when a term was cancelled, and by whom. */
public record TermCancellation(LocalDate on, String reason, String by) {
}
