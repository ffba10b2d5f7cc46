package app.tandem.system;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Date;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one way Tandem writes days, times and numbers for people: every page writes a day as
 * {@link #day} ("Jan 4, 2027", "4 ene 2027"), a moment as {@link #moment} and a time of day as {@link #time},
 * in the reader's language; mail and letters write a day in words ({@link #dayInWords}, {@link #longDay}).
 * Counts read through their message ("{0,choice,1#1 person|1<{0} people}"); numbers that are names
 * (ports, years, ids) are never grouped. A moment without a zone is read on the district's clock.
 * Templates call it as {@code @formats.day(...)}; files for spreadsheets keep ISO-8601.
 */
@Component("formats")
public class Formats {

    /** A day, or a span of two, standing on its own (not inside a code such as term-2026-09-12). */
    private static final Pattern ISO_DAY = Pattern.compile(
            "(?<![\\w-])(\\d{4}-[01]\\d-[0-3]\\d)(?:/(\\d{4}-[01]\\d-[0-3]\\d))?(?![\\w-])");

    private final DistrictClock clock;

    public Formats(DistrictClock clock) {
        this.clock = clock;
    }

    /** A day such as "Jan 4, 2027", or empty. */
    public String day(Object when) {
        return day(when, locale());
    }

    public String day(Object when, Locale locale) {
        LocalDateTime at = wallClock(when);
        return at == null ? "" : at.toLocalDate().format(
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
    }

    /** A day with its time, such as "Jan 4, 2027, 10:00 AM", or empty. */
    public String moment(Object when) {
        return moment(when, locale());
    }

    public String moment(Object when, Locale locale) {
        LocalDateTime at = wallClock(when);
        return at == null ? "" : at.format(
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale));
    }

    /** A time of day, such as "4:00 PM" or "16:00", or empty. */
    public String time(Object when) {
        return time(when, locale());
    }

    public String time(Object when, Locale locale) {
        if (when instanceof LocalTime time) {
            return timeOfDay(time, locale);
        }
        LocalDateTime at = wallClock(when);
        return at == null ? "" : timeOfDay(at.toLocalTime(), locale);
    }

    /** A day in a mail's words, with its weekday: "Monday, January 4, 2027". */
    public static String dayInWords(LocalDate day, Locale locale) {
        return day == null ? "" : day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale));
    }

    /** A day in a letter's words, without its weekday: "January 4, 2027". */
    public static String longDay(LocalDate day, Locale locale) {
        return day == null ? "" : day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }

    /** A time of day on a wall clock in a mail: "4:00 PM", "16:00". */
    public static String timeOfDay(LocalTime time, Locale locale) {
        return time == null ? "" : time.format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale));
    }

    /**
     * A stored value as people read it: each ISO-8601 day in it ("2026-09-12", a span "2026-09-12/2026-12-04")
     * written as a day; anything else as it is.
     */
    public String readable(Object value) {
        if (value == null) {
            return "";
        }
        Matcher day = ISO_DAY.matcher(value.toString());
        StringBuilder text = new StringBuilder();
        while (day.find()) {
            String written = day(LocalDate.parse(day.group(1)))
                    + (day.group(2) == null ? "" : " – " + day(LocalDate.parse(day.group(2))));
            day.appendReplacement(text, Matcher.quoteReplacement(written));
        }
        day.appendTail(text);
        return text.toString();
    }

    /** A quantity, grouped as the reader's language groups it: "3,095" or "3095". */
    public String number(Number value) {
        return value == null ? "" : NumberFormat.getIntegerInstance(locale()).format(value);
    }

    /** A file's size, such as "12 KB" or "3.4 MB". */
    public String size(long bytes) {
        NumberFormat number = NumberFormat.getNumberInstance(locale());
        if (bytes < 1024 * 1024) {
            number.setMaximumFractionDigits(0);
            return number.format(Math.max(1, Math.round(bytes / 1024.0))) + " KB";
        }
        number.setMaximumFractionDigits(1);
        return number.format(bytes / (1024.0 * 1024)) + " MB";
    }

    private LocalDateTime wallClock(Object when) {
        return wallClock(when, clock.zone());
    }

    /** A moment on the wall clock: a zoned one in its own zone, an instant in the given zone. */
    static LocalDateTime wallClock(Object when, ZoneId zone) {
        if (when == null) {
            return null;
        }
        if (when instanceof LocalDate day) {
            return day.atStartOfDay();
        }
        if (when instanceof LocalDateTime at) {
            return at;
        }
        if (when instanceof ZonedDateTime at) {
            return at.toLocalDateTime();
        }
        if (when instanceof Instant at) {
            return LocalDateTime.ofInstant(at, zone);
        }
        if (when instanceof Date at) {
            return LocalDateTime.ofInstant(at.toInstant(), zone);
        }
        if (when instanceof java.time.OffsetDateTime at) {
            return at.atZoneSameInstant(zone).toLocalDateTime();
        }
        if (when instanceof CharSequence text && !text.isEmpty()) {
            String iso = text.toString().strip();
            return iso.length() == 10 ? LocalDate.parse(iso).atStartOfDay() : LocalDateTime.parse(iso);
        }
        if (when instanceof CharSequence) {
            return null;
        }
        throw new IllegalArgumentException("Not a day or a moment: " + when.getClass().getSimpleName());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
