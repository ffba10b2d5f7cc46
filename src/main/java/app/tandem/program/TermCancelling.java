package app.tandem.program;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.tandem.directory.ChangeSource;
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.directory.Term;
import app.tandem.directory.Terms;
import app.tandem.system.DistrictClock;
import app.tandem.system.Messages;

/**
 * Cancels a term with its reason. A running program is deleted with that reason, its listeners
 * included, so the invitees of a planned alignment meeting get cancellations
 * ({@link CancelPlannedMeetings}); the term's milestones stay as evidence.
 */
@Service
public class TermCancelling {

    static final int REASON_LENGTH = 500;

    private final Terms terms;
    private final Schools schools;
    private final RuntimeService runtime;
    private final ApplicationEventPublisher events;
    private final DistrictClock clock;
    private final Messages messages;

    TermCancelling(Terms terms, Schools schools, RuntimeService runtime, ApplicationEventPublisher events,
                   DistrictClock clock, Messages messages) {
        this.terms = terms;
        this.schools = schools;
        this.runtime = runtime;
        this.events = events;
        this.clock = clock;
        this.messages = messages;
    }

    @Transactional
    public void cancel(long termId, String reason, String by, ChangeSource source) {
        Term term = terms.byId(termId).orElseThrow(() -> messages.invalid("termId", "invalid.unknownTerm", termId));
        School school = schools.byId(term.schoolId()).orElseThrow();
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw messages.invalid("cancelReason", "invalid.required");
        }
        if (why.length() > REASON_LENGTH) {
            throw messages.invalid("cancelReason", "invalid.tooLong", REASON_LENGTH);
        }
        if (term.endsOn().isBefore(clock.forDistrict(school.districtId()).today())) {
            throw messages.invalid("termId", "invalid.termEnded", school.name(), term.name());
        }
        if (!terms.cancel(termId, why, by, source)) {
            throw messages.invalid("termId", "invalid.termCancelled", school.name(), term.name());
        }
        terms.programOf(termId)
                .filter(id -> runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0)
                .ifPresent(id -> {
                    runtime.deleteProcessInstance(id, why);
                    events.publishEvent(new ProgramCancelled(termId, why));
                });
    }
}
