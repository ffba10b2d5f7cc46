package app.tandem.forms;

import java.util.List;

/**
 * One component of a Camunda Form (form-js schema): an input with a {@code key}, or a piece of
 * layout such as {@code text}.
 *
 * @param subtype      for {@code datetime}: {@code date}, {@code time} or {@code datetime}
 * @param valuesKey    options that Tandem supplies at render time instead of {@code values}
 * @param decimalDigits for {@code number}: digits allowed after the point, or null for any
 */
public record FormComponent(String id, String type, String key, String label, String description, String text,
                            String subtype, FormRules rules, List<FormOption> values, String valuesKey,
                            Integer decimalDigits, boolean disallowPassedDates, boolean disabled, String defaultValue) {

    static final List<String> INPUT_TYPES = List.of("textfield", "textarea", "number", "checkbox", "checklist",
            "radio", "select", "datetime");

    /** An input whose value the server accepts; disabled and read-only ones are shown, never taken. */
    public boolean takesInput() {
        return key != null && INPUT_TYPES.contains(type) && !disabled;
    }

    public boolean hasOptions() {
        return "checklist".equals(type) || "radio".equals(type) || "select".equals(type);
    }

    public boolean isFreeText() {
        return "textfield".equals(type) || "textarea".equals(type);
    }

    public String dateKind() {
        return subtype == null ? "date" : subtype;
    }
}
