package app.tandem.dashboard;

import java.time.LocalDate;
import java.util.Date;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.tandem.program.SchoolProgram.Var;
import app.tandem.program.SchoolProgram;
import app.tandem.system.DistrictClock;
import app.tandem.system.ProcessVariables;

/**
 * Keeps {@code program_standing} current as school programs move: every time a program reaches one of
 * its waypoints, in the engine's own transaction, through Camunda's Spring event bridge
 * ({@code camunda.bpm.eventing.execution}, on by default).
 */
@Component
class ProgramStandingListener {

    private final ProgramStandings standings;
    private final DistrictClock clock;

    ProgramStandingListener(ProgramStandings standings, DistrictClock clock) {
        this.standings = standings;
        this.clock = clock;
    }

    @EventListener
    public void onExecution(DelegateExecution execution) {
        if (!ExecutionListener.EVENTNAME_START.equals(execution.getEventName())
                || execution.getProcessDefinitionId() == null
                || !execution.getProcessDefinitionId().startsWith(SchoolProgram.PROCESS_KEY + ":")) {
            return;
        }
        Waypoint.at(execution.getCurrentActivityId())
                .filter(waypoint -> !alignmentAfterTheStart(waypoint, execution))
                .ifPresent(waypoint -> standings.save(
                        standing(waypoint, execution::getVariable, execution.getProcessInstanceId())));
    }

    /**
     * The alignment meeting runs beside the term: one scheduled or recorded after the term began does not take
     * the program back to its alignment phase.
     */
    private boolean alignmentAfterTheStart(Waypoint waypoint, DelegateExecution execution) {
        return waypoint.phase() == Phase.ALIGNMENT
                && execution.getVariable(Var.TERM_STARTS_AT) instanceof Date startsAt
                && !clock.now().isBefore(startsAt.toInstant());
    }

    /** The standing a program has at a waypoint, read from its variables (ids, dates and counts only). */
    Standing standing(Waypoint waypoint, Function<String, Object> variables, String processInstanceId) {
        long schoolId = ((Number) variables.apply(ProcessVariables.SCHOOL_ID)).longValue();
        long termId = ((Number) variables.apply(ProcessVariables.TERM_ID)).longValue();
        LocalDate nextOn = null;
        if (waypoint.dateVariable() != null && variables.apply(waypoint.dateVariable()) instanceof Date date) {
            nextOn = clock.dayOf(date);
        }
        Integer number = null;
        if (waypoint.numbersCheckIn() && variables.apply(Var.CHECK_IN_NUMBER) instanceof Integer current) {
            number = current + waypoint.checkInOffset();
        }
        return new Standing(termId, schoolId, processInstanceId, waypoint.phase(), waypoint.next(), number, nextOn);
    }
}
