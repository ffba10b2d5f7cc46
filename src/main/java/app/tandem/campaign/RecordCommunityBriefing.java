package app.tandem.campaign;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import app.tandem.forms.CompletedBy;
import app.tandem.forms.SubmittedForm;
import app.tandem.forms.SubmittedForms;
import app.tandem.system.DistrictClock;

/** Community partners and local government were briefed: who, what they offered, what follows. */
@Component("recordCommunityBriefing")
class RecordCommunityBriefing implements TaskListener {

    static final String BRIEFED_ON = "briefedOn";
    static final String AUDIENCES = "audiencesBriefed";
    static final String COMMITMENTS = "partnerCommitments";
    static final String FOLLOW_UP = "partnerFollowUp";

    private final SubmittedForms forms;
    private final PlaybookRecords records;
    private final DistrictClock clock;

    RecordCommunityBriefing(SubmittedForms forms, PlaybookRecords records,
                            DistrictClock clock) {
        this.forms = forms;
        this.records = records;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        SubmittedForm form = forms.of(task);
        var briefedOn = form.doneOn(BRIEFED_ON);
        List<String> audiences = form.requiredOptions(AUDIENCES);
        String commitments = form.text(COMMITMENTS, 4000);
        String followUp = form.text(FOLLOW_UP, 4000);
        form.discardFromProcess();
        records.record(StakeholderCampaign.campaignId(task), PlaybookStep.COMMUNITY, briefedOn, null, audiences, commitments,
                followUp, null, CompletedBy.of(task), clock.dateTime());
    }
}
