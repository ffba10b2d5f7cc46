package app.tandem.system;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A cadence or lead time in words, such as "every 2 weeks", for pages and mail; the ISO-8601 form (P14D)
 * stays in forms and the database. Templates call it as {@code @periods.every(...)}.
 */
@Component("periods")
public class Periods {

    private final Messages messages;

    public Periods(Messages messages) {
        this.messages = messages;
    }

    /** "Every week", "Every 2 weeks", "Every month", standing on its own; a text that is not a period stays as it is. */
    public String every(Object period) {
        String words = inSentence(period);
        return words.isEmpty() ? words : words.substring(0, 1).toUpperCase(LocaleContextHolder.getLocale())
                + words.substring(1);
    }

    /** "every 2 weeks", inside a sentence. */
    public String inSentence(Object period) {
        Period value = parse(period);
        if (value == null) {
            return String.valueOf(period);
        }
        int days = value.getDays();
        if (value.getYears() == 0 && value.getMonths() == 0 && days > 0) {
            return days % 7 == 0 ? messages.text("period.every.weeks", days / 7)
                    : messages.text("period.every.days", days);
        }
        if (value.getYears() == 0 && days == 0 && value.getMonths() > 0) {
            return messages.text("period.every.months", value.getMonths());
        }
        if (value.getMonths() == 0 && days == 0 && value.getYears() > 0) {
            return messages.text("period.every.years", value.getYears());
        }
        return messages.text("period.every", span(value));
    }

    /** A stored value as people read it: a period in words ("2 weeks"), anything else as it is. */
    public String readable(Object value) {
        return parse(value) == null ? String.valueOf(value) : span(value);
    }

    /** "2 weeks", "1 month and 3 days". */
    public String span(Object period) {
        Period value = parse(period);
        if (value == null) {
            return String.valueOf(period);
        }
        List<String> parts = new ArrayList<>();
        int days = value.getDays();
        if (value.getYears() != 0) {
            parts.add(messages.text("period.years", value.getYears()));
        }
        if (value.getMonths() != 0) {
            parts.add(messages.text("period.months", value.getMonths()));
        }
        if (days != 0 && days % 7 == 0) {
            parts.add(messages.text("period.weeks", days / 7));
        } else if (days != 0 || parts.isEmpty()) {
            parts.add(messages.text("period.days", days));
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return messages.text("period.and", String.join(", ", parts.subList(0, parts.size() - 1)),
                parts.get(parts.size() - 1));
    }

    private static Period parse(Object period) {
        if (period instanceof Period value) {
            return value;
        }
        if (period == null) {
            return null;
        }
        try {
            return Period.parse(period.toString().strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
