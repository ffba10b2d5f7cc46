package app.tandem.tasklist;

import java.util.Optional;

/**
 * Whom or what a task is about, in the words of the feature that owns its process: the student of a progress
 * update, the caregiver of an introduction, the audience of a touchpoint. Shown under the task's name in the
 * list and beside its form, so twenty "Draft the progress update" rows can be told apart. A port: features
 * provide it as Spring beans for their own processes; a task of no feature's has none.
 */
public interface TaskSubject {

    /** @return the subject in the reader's language; empty when the task is not this feature's */
    Optional<String> of(TaskRecord task);

    /** @return the page the task's form sends its worker to (the message to a family), when there is one */
    default Optional<Link> link(TaskRecord task) {
        return Optional.empty();
    }

    /** A link beside a task's form: its words in the reader's language and the path it opens. */
    record Link(String label, String path) {
    }
}
