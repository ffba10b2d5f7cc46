package app.tandem.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The district's clock: days in its time zone, and "now" read from the engine's clock, so tests
 * that move the engine's clock move Tandem's too.
 */
@Component
public class DistrictClock {

    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59);

    private final ZoneId zone;

    public DistrictClock(TandemProperties properties) {
        this.zone = properties.timeZone();
    }

    public ZoneId zone() {
        return zone;
    }

    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** Now on the district's wall clock. */
    public LocalDateTime dateTime() {
        return LocalDateTime.ofInstant(now(), zone);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now(), zone);
    }

    public Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(zone).toInstant());
    }

    /** A due date: late in the day, so "due on Friday" is not overdue on Friday morning. */
    public Date endOf(LocalDate day) {
        return Date.from(day.atTime(END_OF_DAY).atZone(zone).toInstant());
    }

    public LocalDate dayOf(Date moment) {
        return LocalDate.ofInstant(moment.toInstant(), zone);
    }

    /**
     * For the demo and tests only: moves the engine's clock, and with it Tandem's, for every thread
     * until {@link #reset()}.
     */
    public void moveTo(Instant moment) {
        ClockUtil.setCurrentTime(Date.from(moment));
    }

    /** For the demo and tests only: back to real time. */
    public void reset() {
        ClockUtil.reset();
    }
}
