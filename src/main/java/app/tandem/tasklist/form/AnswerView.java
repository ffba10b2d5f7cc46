package app.tandem.tasklist.form;

import java.util.List;

/** One answer of a completed form, read back: the field's label and what was given, in words. */
public record AnswerView(String label, List<String> answers, boolean longText) {

    public boolean empty() {
        return answers.isEmpty();
    }
}
