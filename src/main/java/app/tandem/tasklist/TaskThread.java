package app.tandem.tasklist;

import java.time.Instant;
import java.util.List;

/**
 * What a task answers, in the words of the feature that owns it (a family's mail and the answers before it),
 * shown beside the task's form. Features implement it for their own processes; every other task has none.
 */
public interface TaskThread {

    /** @return the thread, oldest first; empty when the task is not this feature's */
    List<Entry> of(TaskRecord task);

    /** One message of a thread: who wrote it (in the reader's language), when, its subject and text. */
    record Entry(String heading, Instant at, String subject, String text) {
    }
}
