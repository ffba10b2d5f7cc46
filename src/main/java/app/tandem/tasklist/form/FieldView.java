package app.tandem.tasklist.form;

import java.util.List;

/**
 * One component of a form, ready for the template: words in the reader's language, the value
 * entered so far and, after a refused submission, the message for this field.
 *
 * @param inputType for {@code datetime}: the HTML input type ({@code date}, {@code datetime-local}, {@code time})
 */
public record FieldView(String type, String key, String inputId, String label, String description,
                        List<TextBlock> blocks, List<OptionView> options, String value, boolean checked,
                        String error, boolean required, String inputType, Integer maxLength, String min,
                        String max, String step) {

    public boolean invalid() {
        return error != null;
    }

    public String descriptionId() {
        return inputId + "-description";
    }

    public String errorId() {
        return inputId + "-error";
    }

    /** The ids of what describes the field, for {@code aria-describedby}; null when nothing does. */
    public String describedBy() {
        String ids = ((description != null ? descriptionId() + " " : "") + (error != null ? errorId() : "")).strip();
        return ids.isEmpty() ? null : ids;
    }

    public record OptionView(String inputId, String label, String value, boolean chosen) {
    }
}
