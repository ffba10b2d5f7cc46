package app.tandem.campaign;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import app.tandem.forms.CompletedBy;
import app.tandem.forms.SubmittedForm;
import app.tandem.forms.SubmittedForms;
import app.tandem.system.DistrictClock;

/** Keeps the year's long-term planning review: keep, change, fund, and what the next year holds. */
@Component("recordYearReview")
class RecordYearReview implements TaskListener {

    static final String KEEP_DOING = "keepDoing";
    static final String CHANGE_NEXT = "changeNext";
    static final String FUND_NEXT = "fundNext";
    static final String NEXT_YEAR = "nextYear";

    private final SubmittedForms forms;
    private final YearReviews reviews;
    private final DistrictClock clock;

    RecordYearReview(SubmittedForms forms, YearReviews reviews, DistrictClock clock) {
        this.forms = forms;
        this.reviews = reviews;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        SubmittedForm form = forms.of(task);
        String keep = form.requiredText(KEEP_DOING, 4000);
        String change = form.requiredText(CHANGE_NEXT, 4000);
        String fund = form.requiredText(FUND_NEXT, 4000);
        String next = form.requiredOption(NEXT_YEAR);
        form.discardFromProcess();
        reviews.record(new YearReview(StakeholderCampaign.campaignId(task), keep, change, fund,
                NextYear.byCode(next).orElseThrow(),
                CompletedBy.of(task), clock.dateTime()));
    }
}
