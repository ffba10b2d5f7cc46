package app.tandem.tasklist.web;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.directory.Term;
import app.tandem.directory.Terms;
import app.tandem.program.SchoolProgram.Var;
import app.tandem.system.DistrictClock;
import app.tandem.system.ProcessVariables;
import app.tandem.tasklist.TaskRecord;

/** Reads a task's context from its process (ids and dates only) and Tandem's directory. */
@Component
class ProcessContexts {

    private final RuntimeService runtime;
    private final Schools schools;
    private final Terms terms;
    private final DistrictClock clock;

    ProcessContexts(RuntimeService runtime, Schools schools, Terms terms, DistrictClock clock) {
        this.runtime = runtime;
        this.schools = schools;
        this.terms = terms;
        this.clock = clock;
    }

    ProcessContext of(TaskRecord task) {
        String schoolName = task.schoolId() == null ? null
                : schools.byId(task.schoolId()).map(School::name).orElse(null);
        if (!task.open()) {
            return new ProcessContext(schoolName, null, null, null, null);
        }
        Map<String, Object> variables = runtime.createProcessInstanceQuery()
                .processInstanceId(task.processInstanceId()).count() == 0
                ? Map.of()
                : runtime.getVariables(task.processInstanceId(), List.of(ProcessVariables.TERM_ID, Var.ALIGNMENT_MEETING_DATE));
        Term term = variables.get(ProcessVariables.TERM_ID) instanceof Number id ? terms.byId(id.longValue()).orElse(null) : null;
        Date planned = variables.get(Var.ALIGNMENT_MEETING_DATE) instanceof Date date ? date : null;
        return new ProcessContext(schoolName, term == null ? null : term.name(),
                term == null ? null : term.startsOn(), term == null ? null : term.endsOn(),
                planned == null ? null : clock.dayOf(planned));
    }
}
