package app.tandem.directory;

import java.time.LocalDate;
import java.time.Period;

/** A school's tutoring term: the program runs from {@code startsOn} through {@code endsOn}. */
public record Term(long id, long schoolId, String code, String name, LocalDate startsOn, LocalDate endsOn,
                   Period checkInCadence) {
}
