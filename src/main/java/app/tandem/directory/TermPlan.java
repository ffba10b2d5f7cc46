package app.tandem.directory;

import java.time.LocalDate;

/** A term as a person or an import file gives it, before it is checked. */
public record TermPlan(long schoolId, String code, String name, LocalDate startsOn, LocalDate endsOn,
                       String checkInCadence) {
}
