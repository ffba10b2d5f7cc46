package app.tandem.directory;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** Where a program year begins when the district named none: the school (and fiscal) year's usual start. */
    public static final MonthDay USUAL_START = MonthDay.of(7, 1);
    private static final Pattern NAME = Pattern.compile("(\\d{4})-(\\d{2})");

    /** The year from {@code firstDay} in {@code year} to the day before it a year later, named 2026-27. */
    public static ProgramYear starting(int year, MonthDay firstDay) {
        LocalDate startsOn = firstDay.atYear(year);
        return new ProgramYear(year + "-" + String.format("%02d", (year + 1) % 100), startsOn,
                firstDay.atYear(year + 1).minusDays(1));
    }

    /** The program year, beginning each year on {@code firstDay}, that the day falls in. */
    public static ProgramYear containing(LocalDate day, MonthDay firstDay) {
        int year = day.isBefore(firstDay.atYear(day.getYear())) ? day.getYear() - 1 : day.getYear();
        return starting(year, firstDay);
    }

    /** The year a name such as 2026-27 stands for; empty for anything else, such as 2026-28. */
    public static Optional<ProgramYear> named(String name, MonthDay firstDay) {
        Matcher matcher = NAME.matcher(name == null ? "" : name.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(matcher.group(1));
        return Integer.parseInt(matcher.group(2)) == (year + 1) % 100 ? Optional.of(starting(year, firstDay))
                : Optional.empty();
    }
}
