package app.tandem.family;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.OptionalInt;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import app.tandem.program.SchoolProgram;
import app.tandem.system.DistrictClock;
import app.tandem.system.ProcessVariables;

/**
 * When progress updates fall due. The school program's timer fires once a week of the term; a
 * student gets an update every {@code updateEveryWeeks} weeks (default four), or every week with at
 * least {@code weeklyFromSessions} sessions a week (default five).
 */
@Component("caregiverUpdateCadence")
public class CaregiverUpdateCadence {

    private final FamilySettings settings;
    private final DistrictClock clock;

    CaregiverUpdateCadence(FamilySettings settings, DistrictClock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * A one-week timer cycle anchored at the term's first midnight, so the weeks fall on the same
     * weekday however late the job executor ran; once for each week boundary inside the term.
     */
    public String timerCycle(DelegateExecution execution) {
        return timerCycle((Date) execution.getVariable(SchoolProgram.Var.TERM_STARTS_AT),
                (Date) execution.getVariable(SchoolProgram.Var.TERM_ENDS_AT),
                ((Number) execution.getVariable(ProcessVariables.SCHOOL_ID)).longValue());
    }

    String timerCycle(Date startsAt, Date endsAt, long schoolId) {
        DistrictClock clock = this.clock.forSchool(schoolId);
        LocalDate start = clock.dayOf(startsAt);
        LocalDate end = clock.dayOf(endsAt);
        long weeks = Math.max(1, (ChronoUnit.DAYS.between(start, end) - 1) / 7);
        String anchor = startsAt.toInstant().atZone(clock.zone()).toOffsetDateTime()
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return "R" + weeks + "/" + anchor + "/P1W";
    }

    /** The student's update cycle that falls due in the given week of the term, if one does. */
    public OptionalInt cycleIn(int week, Student student) {
        if (student.sessionsPerWeek() >= settings.weeklyFromSessions()) {
            return OptionalInt.of(week);
        }
        int every = Math.max(1, settings.updateEveryWeeks());
        return week % every == 0 ? OptionalInt.of(week / every) : OptionalInt.empty();
    }
}
