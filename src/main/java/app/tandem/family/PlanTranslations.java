package app.tandem.family;

import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import app.tandem.family.CaregiverProcesses.Var;
import app.tandem.system.ProcessVariables;

/** One translation per language of the update's caregivers that has no reviewed texts. */
@Component("planTranslations")
class PlanTranslations implements JavaDelegate {

    private final FamilyMessages messages;
    private final CaregiverUpdates updates;
    private final FamilyLetters letters;

    PlanTranslations(FamilyMessages messages, CaregiverUpdates updates, FamilyLetters letters) {
        this.messages = messages;
        this.updates = updates;
        this.letters = letters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long updateId = ProcessVariables.id(execution, Var.UPDATE_ID);
        Set<String> languages = new LinkedHashSet<>();
        for (long id : messages.toSend(updateId)) {
            FamilyMessage message = messages.find(id).orElseThrow();
            if (letters.needsTranslation(message)) {
                languages.add(message.preferredLanguage());
            }
        }
        Set<String> planned = new LinkedHashSet<>();
        for (long id : updates.translationsOfUpdate(updateId)) {
            updates.translation(id).ifPresent(t -> planned.add(t.language()));
        }
        for (String language : languages) {
            if (!planned.contains(language)) {
                updates.planTranslation(updateId, null, language);
            }
        }
    }
}
