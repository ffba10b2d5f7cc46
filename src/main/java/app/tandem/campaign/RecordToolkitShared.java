package app.tandem.campaign;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import app.tandem.forms.CompletedBy;
import app.tandem.forms.SubmittedForm;
import app.tandem.forms.SubmittedForms;
import app.tandem.system.DistrictClock;

/** The family and caregiver toolkit went to the schools: when, to how many, in which languages. */
@Component("recordToolkitShared")
class RecordToolkitShared implements TaskListener {

    static final String SHARED_ON = "sharedOn";
    static final String SCHOOLS_REACHED = "schoolsReached";
    static final String LANGUAGES = "toolkitLanguages";
    static final String NOTES = "toolkitNotes";

    private final SubmittedForms forms;
    private final Checks checks;
    private final PlaybookRecords records;
    private final DistrictClock clock;

    RecordToolkitShared(SubmittedForms forms, Checks checks, PlaybookRecords records,
                        DistrictClock clock) {
        this.forms = forms;
        this.checks = checks;
        this.records = records;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        SubmittedForm form = forms.of(task);
        var sharedOn = form.doneOn(SHARED_ON);
        int schools = form.number(SCHOOLS_REACHED, 1, 10_000)
                .orElseThrow(() -> checks.invalid(SCHOOLS_REACHED, "invalid.required"));
        List<String> languages = form.requiredOptions(LANGUAGES);
        String notes = form.text(NOTES, 4000);
        form.discardFromProcess();
        records.record(StakeholderCampaign.campaignId(task), PlaybookStep.FAMILY_TOOLKIT, sharedOn, null, languages, notes,
                null, schools, CompletedBy.of(task), clock.dateTime());
    }
}
