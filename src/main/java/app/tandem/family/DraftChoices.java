package app.tandem.family;

import java.util.List;

import org.springframework.stereotype.Component;

import app.tandem.forms.FormCatalog;
import app.tandem.forms.FormComponent;
import app.tandem.forms.FormOption;
import app.tandem.forms.FormSchema;

/**
 * The choices of a progress update as the draft form offers them: the subjects, the standings against grade level
 * (lowest first), the things to do at home and the wins. The form says them; Java only reads them.
 */
@Component
public class DraftChoices {

    public static final String FORM = "draft-caregiver-update";

    private final FormCatalog forms;

    DraftChoices(FormCatalog forms) {
        this.forms = forms;
    }

    public List<FormOption> subjects() {
        return options(UpdateDraft.SUBJECT);
    }

    /** From the lowest to the highest. */
    public List<FormOption> standings() {
        return options(UpdateDraft.STANDING);
    }

    public List<FormOption> atHome() {
        return options(UpdateDraft.AT_HOME);
    }

    public List<FormOption> wins() {
        return options(UpdateDraft.WIN);
    }

    public boolean offers(String key, String value) {
        return value != null && options(key).stream().anyMatch(option -> option.value().equals(value));
    }

    /** The option's label as the form gives it, or the value itself. */
    public String label(String key, String value) {
        return options(key).stream().filter(option -> option.value().equals(value)).map(FormOption::label)
                .findFirst().orElse(value);
    }

    /** Where a standing ranks, lowest 0; -1 for none of the form's. */
    public int rank(String standing) {
        List<FormOption> all = standings();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).value().equals(standing)) {
                return i;
            }
        }
        return -1;
    }

    /** The draft form as Tandem ships it. */
    public FormSchema form() {
        return forms.shipped(FORM).orElseThrow();
    }

    private List<FormOption> options(String key) {
        return forms.shipped(FORM).flatMap(form -> form.input(key)).map(FormComponent::values).orElse(List.of());
    }
}
