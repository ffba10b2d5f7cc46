package app.tandem.family;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.OptionalInt;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import app.tandem.program.ProgramCalendar;
import app.tandem.program.SchoolProgram;

/**
 * When progress updates fall due. The school program's timer fires once a week of the term; a
 * student gets an update every {@code updateEveryWeeks} weeks (default four), or every week with at
 * least {@code weeklyFromSessions} sessions a week (default five).
 */
@Component("caregiverUpdateCadence")
public class CaregiverUpdateCadence {

    private final FamilySettings settings;
    private final ProgramCalendar calendar;

    CaregiverUpdateCadence(FamilySettings settings, ProgramCalendar calendar) {
        this.settings = settings;
        this.calendar = calendar;
    }

    /** A repeating one-week timer, once for each week boundary inside the term. */
    public String timerCycle(DelegateExecution execution) {
        LocalDate start = calendar.dayOf((Date) execution.getVariable(SchoolProgram.Var.TERM_STARTS_AT));
        LocalDate end = calendar.dayOf((Date) execution.getVariable(SchoolProgram.Var.TERM_ENDS_AT));
        long weeks = (ChronoUnit.DAYS.between(start, end) - 1) / 7;
        return "R" + Math.max(1, weeks) + "/P1W";
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
