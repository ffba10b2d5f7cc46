package app.tandem.directory;

import java.time.LocalDate;

/** A district's program year, such as 2026-27, from its first day through its last. */
public record ProgramYear(String name, LocalDate startsOn, LocalDate endsOn) {

    public boolean contains(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    /** The year before or after this one with the same first and last day of the year, such as 2027-28 for +1. */
    public ProgramYear shiftedBy(int years) {
        int first = Integer.parseInt(name.substring(0, 4)) + years;
        return new ProgramYear(String.format(java.util.Locale.ROOT, "%d-%02d", first, (first + 1) % 100),
                startsOn.plusYears(years), endsOn.plusYears(years));
    }

    /**
     * The program year, in this one's pattern, that a term starting on the day belongs to: the one that holds
     * the day, or for a day in the summer between two years, the one that follows.
     */
    public ProgramYear containing(LocalDate day) {
        int years = day.getYear() - startsOn.getYear();
        for (int shift = years - 1; shift <= years + 1; shift++) {
            ProgramYear year = shiftedBy(shift);
            if (year.contains(day) || day.isBefore(year.startsOn())) {
                return year;
            }
        }
        return shiftedBy(years + 2);
    }
}
