package app.tandem.program;

import java.time.LocalDate;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.tandem.directory.DistrictSetting;
import app.tandem.directory.ChangeLog;
import app.tandem.directory.ChangeSource;
import app.tandem.directory.ChangeSubject;
import app.tandem.directory.ChangedField;
import app.tandem.directory.DistrictSettings;
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.directory.StaffDirectory;
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
    private final RepositoryService repository;
    private final Schools schools;
    private final Terms terms;
    private final DistrictClock clock;
    private final DistrictSettings settings;
    private final Messages messages;
    private final ChangeLog changes;

    public SchoolProgramLauncher(RuntimeService runtime, RepositoryService repository, Schools schools, Terms terms,
                                 DistrictClock clock, DistrictSettings settings, Messages messages, ChangeLog changes) {
        this.runtime = runtime;
        this.repository = repository;
        this.schools = schools;
        this.terms = terms;
        this.clock = clock;
        this.settings = settings;
        this.messages = messages;
        this.changes = changes;
    }

    /** A program Tandem starts itself (the demo district, tests' fixtures); @return its process instance's id */
    @Transactional
    public String start(long termId) {
        return start(termId, StaffDirectory.TANDEM, ChangeSource.SETUP);
    }

    /** @return the id of the started process instance */
    @Transactional
    public String start(long termId, String changedBy, ChangeSource source) {
        return start(termId, changedBy, source, latestModel());
    }

    /** The id of school-program's latest version, for many starts to look it up once. */
    public String latestModel() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(SchoolProgram.PROCESS_KEY)
                .latestVersion().singleResult().getId();
    }

    /**
     * @param definitionId the version of school-program to start, from {@link #latestModel()}
     * @return the id of the started process instance
     */
    @Transactional
    public String start(long termId, String changedBy, ChangeSource source, String definitionId) {
        Term term = terms.byId(termId).orElseThrow(() -> messages.invalid("termId", "invalid.unknownTerm", termId));
        School school = schools.byId(term.schoolId()).orElseThrow();
        if (!term.endsOn().isAfter(term.startsOn())) {
            throw messages.invalid("endsOn", "invalid.termEndsBeforeStart", term.startsOn(), term.endsOn());
        }
        terms.parseCadence(term.checkInCadence().toString());
        // The claim refuses a cancelled term too; only then is it worth asking why.
        if (!terms.claimForProgram(term.id())) {
            refuseCancelled(school, term);
            throw messages.invalid("termId", "invalid.programAlreadyStarted", school.name(), term.name());
        }
        String businessKey = SchoolProgram.businessKey(school, term);
        String id = runtime.startProcessInstanceById(definitionId, businessKey, variables(school, term)).getId();
        terms.recordProgram(term.id(), id);
        changes.log(ChangeSubject.program(school, businessKey), ChangedField.STARTED, null, id, changedBy, source);
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
        DistrictSettings.Chosen lead = settings.of(school.districtId());
        DistrictClock clock = this.clock.forDistrict(school.districtId());
        return Variables.createVariables()
                .putValue(ProcessVariables.SCHOOL_ID, school.id())
                .putValue(ProcessVariables.TERM_ID, term.id())
                .putValue(Var.TERM_STARTS_AT, clock.startOf(term.startsOn()))
                .putValue(Var.TERM_ENDS_AT, clock.startOf(lastDay.plusDays(1)))
                .putValue(Var.CAREGIVER_INTRODUCTION_AT, clock.startOf(term.startsOn().minusDays(1)))
                .putValue(Var.CHECK_IN_CADENCE, term.checkInCadence().toString())
                .putValue(Var.ALIGNMENT_SCHEDULE_DUE,
                        clock.endOf(term.startsOn().minus(lead.period(DistrictSetting.ALIGNMENT_SCHEDULE_LEAD))))
                .putValue(Var.IMPACT_SUMMARY_DUE, clock.endOf(lastDay.plus(lead.period(DistrictSetting.IMPACT_SUMMARY_WITHIN))))
                .putValue(Var.CLOSE_OUT_DUE, clock.endOf(lastDay.plus(lead.period(DistrictSetting.CLOSE_OUT_WITHIN))));
    }
}
