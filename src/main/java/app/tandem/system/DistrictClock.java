package app.tandem.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The district's clock: days in its time zone, and "now" read from the engine's clock, so tests that move the
 * engine's clock move Tandem's too.
 * <p>
 * Which zone: the one the districts chose on their set-up page when they all chose the same (an install serves one
 * district, as a rule); with no district yet, or districts in different zones, {@code tandem.time-zone} from
 * application.yaml. Work that belongs to one district or school asks {@link #forDistrict} or {@link #forSchool} for
 * that district's own days.
 */
@Component
public class DistrictClock {

    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59);

    private final ZoneId configured;
    private final DistrictZones districts;
    /** A district's own zone; null for the install's clock, whose zone follows the districts'. */
    private final ZoneId fixed;

    @Autowired
    public DistrictClock(TandemProperties properties, DistrictZones districts) {
        this(properties.timeZone(), districts, null);
    }

    private DistrictClock(ZoneId configured, DistrictZones districts, ZoneId fixed) {
        this.configured = configured;
        this.districts = districts;
        this.fixed = fixed;
    }

    public ZoneId zone() {
        return fixed != null ? fixed : districts.common().orElse(configured);
    }

    /** Tandem's own zone from application.yaml: what a new district starts with. */
    public ZoneId configuredZone() {
        return configured;
    }

    /** The district's zone; for null (work of no district, an operator's view of all) the install's. */
    public ZoneId zoneOf(Long districtId) {
        return districtId == null ? zone() : districts.of(districtId).orElseGet(this::zone);
    }

    /** The same clock in the district's time zone: its days, its due dates. */
    public DistrictClock forDistrict(Long districtId) {
        if (districtId == null || (fixed == null && districts.common().isPresent())) {
            return this;
        }
        return new DistrictClock(configured, districts, zoneOf(districtId));
    }

    /** The same clock in the time zone of the school's district; no lookup while every district shares one. */
    public DistrictClock forSchool(long schoolId) {
        if (fixed == null && districts.common().isPresent()) {
            return this;
        }
        return forDistrict(districts.districtOfSchool(schoolId).orElse(null));
    }

    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** Now on the district's wall clock. */
    public LocalDateTime dateTime() {
        return LocalDateTime.ofInstant(now(), zone());
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now(), zone());
    }

    public Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(zone()).toInstant());
    }

    /** A due date: late in the day, so "due on Friday" is not overdue on Friday morning. */
    public Date endOf(LocalDate day) {
        return Date.from(day.atTime(END_OF_DAY).atZone(zone()).toInstant());
    }

    public LocalDate dayOf(Date moment) {
        return LocalDate.ofInstant(moment.toInstant(), zone());
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
