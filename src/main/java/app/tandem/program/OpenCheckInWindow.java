package app.tandem.program;

import java.time.LocalDate;
import java.time.Period;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import app.tandem.directory.Terms;
import app.tandem.program.SchoolProgram.Var;
import app.tandem.system.DistrictClock;

/**
 * Opens the next check-in window: the first starts on the term's first day, each lasts one cadence,
 * and the last is cut short at the term's last day. When no day of the term is left, none opens.
 */
@Component("openCheckInWindow")
class OpenCheckInWindow implements JavaDelegate {

    private final Milestones milestones;
    private final DistrictClock clock;
    private final Terms terms;

    OpenCheckInWindow(Milestones milestones, DistrictClock clock, Terms terms) {
        this.milestones = milestones;
        this.clock = clock;
        this.terms = terms;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProgramRef ref = ProgramRef.of(execution, execution.getProcessInstanceId());
        DistrictClock clock = this.clock.forSchool(ref.schoolId());
        Integer previous = (Integer) execution.getVariable(Var.CHECK_IN_NUMBER);
        LocalDate opensOn = clock.dayOf((Date) execution.getVariable(
                previous == null ? Var.TERM_STARTS_AT : Var.CHECK_IN_WINDOW_CLOSES_AT));
        LocalDate lastDay = clock.dayOf((Date) execution.getVariable(Var.TERM_ENDS_AT)).minusDays(1);
        if (opensOn.isAfter(lastDay)) {
            execution.setVariable(Var.CHECK_IN_WINDOW_OPEN, false);
            return;
        }
        Period cadence = terms.parseCadence((String) execution.getVariable(Var.CHECK_IN_CADENCE));
        LocalDate dueOn = opensOn.plus(cadence).minusDays(1);
        if (dueOn.isAfter(lastDay)) {
            dueOn = lastDay;
        }
        int number = previous == null ? 1 : previous + 1;
        milestones.plan(ref, MilestoneKind.CHECK_IN, number,
                opensOn, dueOn, null);
        execution.setVariable(Var.CHECK_IN_NUMBER, number);
        execution.setVariable(Var.CHECK_IN_DUE, clock.endOf(dueOn));
        execution.setVariable(Var.CHECK_IN_WINDOW_CLOSES_AT, clock.startOf(dueOn.plusDays(1)));
        execution.setVariable(Var.CHECK_IN_WINDOW_OPEN, true);
    }
}
