package app.tandem.family;

import java.util.List;

import org.springframework.stereotype.Component;

import app.tandem.forms.SubmittedForm;
import app.tandem.system.Messages;

/** Reads the choices and checkboxes of the family forms, refusing anything not offered. */
@Component
class FormChoices {

    private final Messages messages;

    FormChoices(Messages messages) {
        this.messages = messages;
    }

    String required(SubmittedForm form, String key, List<String> allowed) {
        String value = optional(form, key, allowed);
        if (value == null) {
            throw messages.invalid(key, "invalid.required");
        }
        return value;
    }

    String optional(SubmittedForm form, String key, List<String> allowed) {
        String value = form.text(key, 40);
        if (value != null && !allowed.contains(value)) {
            throw messages.invalid(key, "invalid.option", value);
        }
        return value;
    }

    int requiredNumber(SubmittedForm form, String key, int min, int max) {
        return form.number(key, min, max).orElseThrow(() -> messages.invalid(key, "invalid.required"));
    }

    static boolean flag(SubmittedForm form, String key) {
        return Boolean.parseBoolean(form.text(key, 10));
    }
}
