package app.tandem.program;

import java.time.LocalDate;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.tandem.directory.DistrictSettings;
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.directory.Term;
import app.tandem.directory.Terms;
import app.tandem.program.SchoolProgram.Var;
import app.tandem.system.DistrictClock;
import app.tandem.system.Messages;
import app.tandem.system.ProcessVariables;

/** Starts a school's program for one term, after checking everything the model will rely on. */
@Service
public class SchoolProgramLauncher {

    private final RuntimeService runtime;
    private final Schools schools;
    private final Terms terms;
    private final DistrictClock clock;
    private final DistrictSettings settings;
    private final Messages messages;

    public SchoolProgramLauncher(RuntimeService runtime, Schools schools, Terms terms,
                                 DistrictClock clock, DistrictSettings settings, Messages messages) {
        this.runtime = runtime;
        this.schools = schools;
        this.terms = terms;
        this.clock = clock;
        this.settings = settings;
        this.messages = messages;
    }

    /** @return the id of the started process instance */
    @Transactional
    public String start(long termId) {
        Term term = terms.byId(termId).orElseThrow(() -> messages.invalid("termId", "invalid.unknownTerm", termId));
        School school = schools.byId(term.schoolId()).orElseThrow();
        if (!term.endsOn().isAfter(term.startsOn())) {
            throw messages.invalid("endsOn", "invalid.termEndsBeforeStart", term.startsOn(), term.endsOn());
        }
        terms.parseCadence(term.checkInCadence().toString());
        refuseCancelled(school, term);
        if (!terms.claimForProgram(term.id())) {
            refuseCancelled(school, term);
            throw messages.invalid("termId", "invalid.programAlreadyStarted", school.name(), term.name());
        }
        String id = runtime.startProcessInstanceByKey(SchoolProgram.PROCESS_KEY, SchoolProgram.businessKey(school, term),
                variables(school, term)).getId();
        terms.recordProgram(term.id(), id);
        return id;
    }

    private void refuseCancelled(School school, Term term) {
        if (terms.cancellation(term.id()).isPresent()) {
            throw messages.invalid("termId", "invalid.termCancelled", school.name(), term.name());
        }
    }

    /**
     * What a school's program starts with: ids and the dates its timers and due dates follow, by the lead times
     * of the school's district and at the midnights of its time zone.
     */
    public VariableMap variables(School school, Term term) {
        LocalDate lastDay = term.endsOn();
        long district = school.districtId();
        DistrictClock clock = this.clock.forDistrict(district);
        return Variables.createVariables()
                .putValue(ProcessVariables.SCHOOL_ID, school.id())
                .putValue(ProcessVariables.TERM_ID, term.id())
                .putValue(Var.TERM_STARTS_AT, clock.startOf(term.startsOn()))
                .putValue(Var.TERM_ENDS_AT, clock.startOf(lastDay.plusDays(1)))
                .putValue(Var.CHECK_IN_CADENCE, term.checkInCadence().toString())
                .putValue(Var.ALIGNMENT_SCHEDULE_DUE,
                        clock.endOf(term.startsOn().minus(settings.alignmentScheduleLead(district))))
                .putValue(Var.IMPACT_SUMMARY_DUE, clock.endOf(lastDay.plus(settings.impactSummaryWithin(district))))
                .putValue(Var.CLOSE_OUT_DUE, clock.endOf(lastDay.plus(settings.closeOutWithin(district))));
    }
}
