package app.tandem.campaign;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import app.tandem.forms.CompletedBy;
import app.tandem.forms.SubmittedForm;
import app.tandem.forms.SubmittedForms;
import app.tandem.system.DistrictClock;

/**
 * The educator union contracts are reviewed against every point that decides whether tutoring fits them; when
 * something must be bargained, the review says what.
 */
@Component("recordUnionContractReview")
class RecordUnionContractReview implements TaskListener {

    static final String REVIEWED_ON = "reviewedOn";
    static final String CONTRACT_POINTS = "contractPoints";
    static final String BARGAINING_NEEDED = "bargainingNeeded";
    static final String MUST_BARGAIN = "mustBargain";
    static final String CONTRACT_NOTES = "contractNotes";

    private final SubmittedForms forms;
    private final Checks checks;
    private final PlaybookRecords records;
    private final DistrictClock clock;

    RecordUnionContractReview(SubmittedForms forms, Checks checks, PlaybookRecords records,
                              DistrictClock clock) {
        this.forms = forms;
        this.checks = checks;
        this.records = records;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        SubmittedForm form = forms.of(task);
        var reviewedOn = form.doneOn(REVIEWED_ON);
        List<String> points = form.requiredOptions(CONTRACT_POINTS);
        List<String> missing = form.offeredOptions(CONTRACT_POINTS).stream().filter(point -> !points.contains(point)).toList();
        if (!missing.isEmpty()) {
            throw checks.invalid(CONTRACT_POINTS, "campaign.invalid.pointsNotReviewed", missing.size());
        }
        String bargaining = form.requiredOption(BARGAINING_NEEDED);
        String mustBargain = form.text(MUST_BARGAIN, 4000);
        String notes = form.text(CONTRACT_NOTES, 4000);
        form.discardFromProcess();
        if ("yes".equals(bargaining) && mustBargain == null) {
            throw checks.invalid(MUST_BARGAIN, "campaign.invalid.sayWhatToBargain");
        }
        records.record(StakeholderCampaign.campaignId(task), PlaybookStep.UNION_CONTRACTS, reviewedOn, bargaining, points,
                notes, mustBargain, null, CompletedBy.of(task), clock.dateTime());
    }
}
