package app.tandem.campaign;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import app.tandem.system.DistrictClock;


/** The district's days and the engine's "now", so tests that move the engine's clock move the campaign's too. */
@Component
public class CampaignCalendar {

    private final DistrictClock calendar;

    CampaignCalendar(DistrictClock calendar) {
        this.calendar = calendar;
    }

    public LocalDate today() {
        return calendar.today();
    }

    public LocalDateTime now() {
        return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), calendar.zone());
    }

    public Date startOf(LocalDate day) {
        return calendar.startOf(day);
    }

    /** A due date: late on the day. */
    public Date endOf(LocalDate day) {
        return calendar.endOf(day);
    }

    public LocalDate dayOf(Date moment) {
        return calendar.dayOf(moment);
    }
}
