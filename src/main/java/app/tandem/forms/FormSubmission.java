package app.tandem.forms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.VariableMap;

/**
 * What a person submitted in a task's form, checked against its schema.
 *
 * @param entered   what they typed or chose, per key of the form, to show again as it was
 * @param errors    a message per key that was refused, in the form's order
 * @param variables the typed process variables, free text as transient values; only the form's keys
 * @param values    the same values as plain JSON-ready objects, for the submission record
 */
public record FormSubmission(FormSchema form, Map<String, List<String>> entered, Map<String, String> errors,
                             VariableMap variables, Map<String, Object> values) {

    public boolean valid() {
        return errors.isEmpty();
    }

    /** The same submission with one more refusal, such as one from the process's own checks. */
    public FormSubmission withError(String key, String message) {
        Map<String, String> more = new LinkedHashMap<>(errors);
        more.put(key, message);
        return new FormSubmission(form, entered, more, variables, values);
    }

    /** The same unsubmitted form showing these values (per key of its inputs) instead of the defaults. */
    public FormSubmission proposing(Map<String, List<String>> proposed) {
        Map<String, List<String>> shown = new LinkedHashMap<>(entered);
        for (FormComponent input : form.inputs()) {
            List<String> values = proposed.get(input.key());
            if (values != null && !values.isEmpty()) {
                shown.put(input.key(), List.copyOf(values));
            }
        }
        return new FormSubmission(form, shown, errors, variables, values);
    }

    /** A form that has not been submitted yet: each input shows its default value. */
    public static FormSubmission blank(FormSchema form) {
        Map<String, List<String>> entered = new LinkedHashMap<>();
        for (FormComponent input : form.inputs()) {
            if (input.defaultValue() != null) {
                entered.put(input.key(), List.of(input.defaultValue()));
            }
        }
        return new FormSubmission(form, entered, Map.of(), null, Map.of());
    }
}
