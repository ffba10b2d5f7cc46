package app.tandem.dashboard;

import java.util.Arrays;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.tandem.program.ProgramRedated;

/**
 * A term's dates moved while its program waits at a waypoint: the program reaches no new waypoint, so its
 * standing's next milestone is read again from the moved dates (in the re-dating's own transaction).
 */
@Component
class ProgramRedatedListener {

    private final ProgramStandings standings;
    private final ProgramStandingListener waypoints;
    private final RuntimeService runtime;

    ProgramRedatedListener(ProgramStandings standings, ProgramStandingListener waypoints, RuntimeService runtime) {
        this.standings = standings;
        this.waypoints = waypoints;
        this.runtime = runtime;
    }

    @EventListener
    public void onRedated(ProgramRedated redated) {
        standings.ofTerm(redated.termId()).ifPresent(current -> Arrays.stream(Waypoint.values())
                .filter(w -> w.phase() == current.phase() && w.next() == current.next() && w.dateVariable() != null)
                .findFirst()
                .ifPresent(waypoint -> {
                    Map<String, Object> variables = runtime.getVariables(redated.processInstanceId());
                    Standing moved = waypoints.standing(waypoint, variables::get, redated.processInstanceId());
                    standings.save(new Standing(current.termId(), current.schoolId(), current.processInstanceId(),
                            current.phase(), current.next(), current.nextNumber(), moved.nextOn()));
                }));
    }
}
