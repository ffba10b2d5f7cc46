package app.tandem.directory;

import java.time.LocalDate;

/** A district's program year, such as 2026-27, from its first day through its last. */
public record ProgramYear(String name, LocalDate startsOn, LocalDate endsOn) {
}
