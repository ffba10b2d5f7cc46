package app.tandem.directory;

import java.time.LocalDate;

/**
 * Which terms a list shows.
 *
 * @param text         what the school's name or code contains; empty for every school
 * @param status       only terms in this state, or null
 * @param startsFrom   only terms whose first day is on or after this day, or null
 * @param startsBefore only terms whose first day is before this day, or null
 */
public record TermFilter(String text, TermStatus status, LocalDate startsFrom, LocalDate startsBefore) {

    public TermFilter {
        text = text == null ? "" : text.strip();
    }

    /** The terms of a program year: those that start in it. */
    public static TermFilter of(String text, TermStatus status, ProgramYear year) {
        return new TermFilter(text, status, year == null ? null : year.startsOn(),
                year == null ? null : year.endsOn().plusDays(1));
    }
}
