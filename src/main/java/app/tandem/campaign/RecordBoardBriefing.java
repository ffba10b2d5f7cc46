package app.tandem.campaign;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import app.tandem.forms.CompletedBy;
import app.tandem.forms.SubmittedForm;
import app.tandem.forms.SubmittedForms;
import app.tandem.system.DistrictClock;

/** The school board was briefed: when, with which materials, how it responded and what follows. */
@Component("recordBoardBriefing")
class RecordBoardBriefing implements TaskListener {

    static final String BRIEFED_ON = "briefedOn";
    static final String MATERIALS = "materialsShared";
    static final String OUTCOME = "boardOutcome";
    static final String FOLLOW_UP = "boardFollowUp";
    static final List<String> MATERIAL_OPTIONS = List.of("research", "local-need", "examples", "leadership-support",
            "costs");
    static final List<String> OUTCOMES = List.of("approved", "supportive", "questions", "deferred", "opposed");

    private final SubmittedForms forms;
    private final FormChecks formChecks;
    private final PlaybookRecords records;
    private final DistrictClock clock;

    RecordBoardBriefing(SubmittedForms forms, FormChecks formChecks, PlaybookRecords records,
                        DistrictClock clock) {
        this.forms = forms;
        this.formChecks = formChecks;
        this.records = records;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        SubmittedForm form = forms.of(task);
        var briefedOn = formChecks.doneOn(form, BRIEFED_ON);
        List<String> materials = formChecks.options(form, MATERIALS, MATERIAL_OPTIONS, true);
        String outcome = formChecks.option(form, OUTCOME, OUTCOMES, true);
        String followUp = form.text(FOLLOW_UP, 4000);
        form.discardFromProcess();
        records.record(FormChecks.campaignId(task), PlaybookStep.SCHOOL_BOARD, briefedOn, outcome, materials, null,
                followUp, null, CompletedBy.of(task), clock.dateTime());
    }
}
