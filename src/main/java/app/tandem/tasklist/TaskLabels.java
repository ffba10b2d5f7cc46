package app.tandem.tasklist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import app.tandem.system.DistrictClock;
import app.tandem.system.Formats;

/**
 * How a task is named in the reader's language. A model names its tasks in one language, so each
 * feature may give them in its bundle: {@code task.<processKey>.<taskKey>} for the task,
 * {@code phase.<processKey>.<taskKey>} for the program phase it belongs to and
 * {@code process.<processKey>} for the process; the model's own name is the fallback.
 * Dates are shown as days of the district's time zone, written by {@link Formats}.
 */
@Component
public class TaskLabels {

    private final MessageSource messages;
    private final DistrictClock clock;
    private final Formats formats;

    TaskLabels(MessageSource messages, DistrictClock clock, Formats formats) {
        this.messages = messages;
        this.clock = clock;
        this.formats = formats;
    }

    public String name(TaskRecord task) {
        return text("task." + task.processKey() + "." + task.taskKey(),
                task.name() != null ? task.name() : task.taskKey());
    }

    /** An action the task's model offers, such as "Move the meeting". */
    public String action(TaskRecord task, TaskActions.TaskAction action) {
        return text("action." + task.processKey() + "." + action.id(),
                action.name() != null ? action.name() : action.id());
    }

    public String phase(TaskRecord task) {
        return text("phase." + task.processKey() + "." + task.taskKey(), process(task.processKey()));
    }

    public String process(String processKey) {
        return text("process." + processKey, processKey);
    }

    /** A day such as "Jan 4, 2027", or empty. */
    public String day(Instant moment) {
        return formats.day(moment);
    }

    /** A day with its time, such as "Jan 4, 2027, 10:00 AM". */
    public String moment(Instant moment) {
        return formats.moment(moment);
    }

    /** A day as a date input's value (YYYY-MM-DD), or empty. */
    public String dateInput(Instant moment) {
        return moment == null ? "" : dayOf(moment).toString();
    }

    public String date(LocalDate day) {
        return formats.day(day);
    }

    LocalDate dayOf(Instant moment) {
        return LocalDate.ofInstant(moment, clock.zone());
    }

    private String text(String code, String fallback) {
        return messages.getMessage(code, null, fallback, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
