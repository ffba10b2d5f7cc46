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

    private final SubmittedForms forms;
    private final PlaybookRecords records;
    private final DistrictClock clock;

    RecordBoardBriefing(SubmittedForms forms, PlaybookRecords records,
                        DistrictClock clock) {
        this.forms = forms;
        this.records = records;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        SubmittedForm form = forms.of(task);
        var briefedOn = form.doneOn(BRIEFED_ON);
        List<String> materials = form.requiredOptions(MATERIALS);
        String outcome = form.requiredOption(OUTCOME);
        String followUp = form.text(FOLLOW_UP, 4000);
        form.discardFromProcess();
        records.record(StakeholderCampaign.campaignId(task), PlaybookStep.SCHOOL_BOARD, briefedOn, outcome, materials, null,
                followUp, null, CompletedBy.of(task), clock.dateTime());
    }
}
