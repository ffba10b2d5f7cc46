package app.tandem.dashboard;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.directory.Term;
import app.tandem.directory.Terms;
import app.tandem.program.SchoolProgram;

/**
 * Programs started before the dashboard existed (or moved by an operator with listeners skipped) have
 * no standing row: at start-up, each gets one from where its process waits now.
 */
@Component
@Order(20)
class StandingReconciler implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StandingReconciler.class);

    private final RuntimeService runtime;
    private final HistoryService history;
    private final ProgramStandings standings;
    private final ProgramStandingListener listener;
    private final Schools schools;
    private final Terms terms;

    StandingReconciler(RuntimeService runtime, HistoryService history, ProgramStandings standings,
                       ProgramStandingListener listener, Schools schools, Terms terms) {
        this.runtime = runtime;
        this.history = history;
        this.standings = standings;
        this.listener = listener;
        this.schools = schools;
        this.terms = terms;
    }

    @Override
    public void run(ApplicationArguments args) {
        int added = reconcile();
        if (added > 0) {
            log.info("Dashboard: recorded where {} school programs stand.", added);
        }
    }

    int reconcile() {
        Set<String> known = standings.processInstanceIds();
        int added = 0;
        List<ProcessInstance> running = runtime.createProcessInstanceQuery()
                .processDefinitionKey(SchoolProgram.PROCESS_KEY).list();
        for (ProcessInstance instance : running) {
            if (known.contains(instance.getId())) {
                continue;
            }
            Optional<Waypoint> waypoint = runtime.getActiveActivityIds(instance.getId()).stream()
                    .map(Waypoint::at).flatMap(Optional::stream)
                    .max(Comparator.naturalOrder());
            if (waypoint.isPresent()) {
                Map<String, Object> variables = runtime.getVariables(instance.getId());
                standings.save(listener.standing(waypoint.get(), variables::get, instance.getId()));
                added++;
            }
        }
        for (HistoricProcessInstance finished : history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(SchoolProgram.PROCESS_KEY).completed().list()) {
            if (!known.contains(finished.getId()) && closed(finished)) {
                added++;
            }
        }
        return added;
    }

    private boolean closed(HistoricProcessInstance finished) {
        String key = finished.getBusinessKey();
        int slash = key == null ? -1 : key.indexOf('/');
        if (slash < 0) {
            return false;
        }
        Optional<School> school = schools.byCode(key.substring(0, slash));
        Optional<Term> term = school.flatMap(s -> terms.bySchoolAndCode(s.id(), key.substring(slash + 1)));
        term.ifPresent(t -> standings.save(new Standing(t.id(), t.schoolId(), finished.getId(), Phase.CLOSED,
                null, null, null)));
        return term.isPresent();
    }
}
