package app.tandem.family;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import app.tandem.family.CaregiverProcesses.Var;
import app.tandem.forms.CompletedBy;
import app.tandem.forms.SubmittedForm;
import app.tandem.forms.SubmittedForms;
import app.tandem.system.DistrictClock;
import app.tandem.system.Messages;
import app.tandem.system.ProcessVariables;

/**
 * Keeps a liaison's translation in Tandem's tables. When no one can translate it, the message goes
 * out in English, and indicator 4e.3 counts it as not in the caregiver's language.
 */
@Component("recordTranslation")
class RecordTranslation implements TaskListener {

    static final String TRANSLATED_TEXT = "translatedText";
    static final String CANNOT_TRANSLATE = "cannotTranslate";

    private final SubmittedForms forms;
    private final CaregiverUpdates updates;
    private final Messages messages;
    private final DistrictClock clock;

    RecordTranslation(SubmittedForms forms, CaregiverUpdates updates, Messages messages, DistrictClock clock) {
        this.forms = forms;
        this.updates = updates;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        long translationId = ProcessVariables.id(task, Var.TRANSLATION_ID);
        SubmittedForm form = forms.of(task);
        String text = form.text(TRANSLATED_TEXT, 8000);
        boolean cannot = form.flag(CANNOT_TRANSLATE);
        if (text == null && !cannot) {
            throw messages.invalid(TRANSLATED_TEXT, "invalid.required");
        }
        form.discardFromProcess();
        updates.recordTranslation(translationId, cannot ? TranslationStatus.NOT_POSSIBLE : TranslationStatus.DONE,
                cannot ? null : text, CompletedBy.of(task), clock.now());
    }
}
