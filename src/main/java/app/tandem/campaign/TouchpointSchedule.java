package app.tandem.campaign;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When an outreach track's touchpoints fall: every cadence, counted from the row's anchor date (before it
 * and after it), starting after the day the track opened. Without an anchor the first touchpoint falls one
 * cadence after the opening. Touchpoint n is due on anchor + (firstStep + n - 1) cadences.
 */
record TouchpointSchedule(LocalDate openedOn, LocalDate anchor, Period cadence, int firstStep) {

    /** The shortest and the longest cadence a plan row may have, in days (a month counts as 28 to 31). */
    static final int SHORTEST_DAYS = 7;
    static final int LONGEST_DAYS = 366;

    public static TouchpointSchedule open(LocalDate openedOn, LocalDate anchorOn, Period cadence) {
        LocalDate anchor = anchorOn != null ? anchorOn : openedOn.plus(cadence);
        int step = 0;
        if (anchor.isAfter(openedOn)) {
            while (at(anchor, cadence, step - 1).isAfter(openedOn)) {
                step--;
            }
        } else {
            while (!at(anchor, cadence, step).isAfter(openedOn)) {
                step++;
            }
        }
        return new TouchpointSchedule(openedOn, anchor, cadence, step);
    }

    /** The same schedule, as stored: the anchor and the step of its first touchpoint. */
    public static TouchpointSchedule of(LocalDate openedOn, LocalDate anchorOn, Period cadence, int firstStep) {
        return new TouchpointSchedule(openedOn, anchorOn != null ? anchorOn : openedOn.plus(cadence), cadence,
                firstStep);
    }

    public LocalDate dueOn(int number) {
        return at(anchor, cadence, firstStep + number - 1);
    }

    /** The first touchpoint's window opens with the track; each later one the day after the one before was due. */
    public LocalDate opensOn(int number) {
        return number == 1 ? openedOn : dueOn(number - 1).plusDays(1);
    }

    /**
     * An ISO-8601 period of whole days, weeks or months between a week and a year, such as P2W or P1M;
     * empty for anything else.
     */
    public static Optional<Period> parseCadence(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            Period cadence = Period.parse(text.strip());
            LocalDate from = LocalDate.of(2000, 1, 1);
            long days = from.plus(cadence).toEpochDay() - from.toEpochDay();
            if (cadence.isNegative() || days < SHORTEST_DAYS || days > LONGEST_DAYS) {
                return Optional.empty();
            }
            return Optional.of(cadence);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static LocalDate at(LocalDate anchor, Period cadence, int step) {
        return anchor.plus(cadence.multipliedBy(step));
    }
}
