package app.tandem.tasklist;

import java.time.Instant;

/**
 * A note on a task.
 *
 * @param author who wrote it (their name), or null for a note the process wrote, such as a reminder
 */
public record TaskComment(String author, Instant writtenAt, String body) {
}
