package app.tandem.tasklist;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.tandem.forms.FormOption;

/**
 * A list a feature puts inside a task's form, one entry per thing it is about (the students on a check-in's
 * agenda), each with an optional choice and a note. A port, like {@link FormDefaults}: the features after the
 * tasklist provide it; what is entered goes through the one completion path, checked before the task completes
 * and kept in the feature's own tables in the same transaction, never as process variables.
 */
public interface TaskItems {

    /** The parameter of an item's note: {@code item.<key>.note}; of its choice: {@code item.<key>.choice}. */
    static String note(String key) {
        return "item." + key + ".note";
    }

    static String choice(String key) {
        return "item." + key + ".choice";
    }

    /**
     * @param entered what was submitted, when the form is shown again after a refusal; empty otherwise
     * @return the items, in order; empty when the task is not this feature's
     */
    List<Item> of(TaskRecord task, Map<String, List<String>> entered);

    /**
     * Checks what was entered for this feature's items, while the task is still open.
     *
     * @return what to keep once the task has completed (in the same transaction); empty when the task is not this
     *         feature's
     * @throws app.tandem.system.InvalidInputException for a note too long or a choice not offered
     */
    Optional<Runnable> keep(TaskRecord task, Map<String, List<String>> submitted);

    /**
     * @param title   the item's heading, such as a student's name
     * @param detail  why it is listed, in the reader's language
     * @param choices the choices offered, empty for none
     * @param choice  the choice entered, or null
     * @param note    the note entered, or null
     */
    record Item(String key, String title, String detail, String heading, List<FormOption> choices, String choice,
                String note) {

        public String noteParameter() {
            return TaskItems.note(key);
        }

        public String choiceParameter() {
            return TaskItems.choice(key);
        }
    }
}
