package app.tandem.tasklist;

/** One line of the task list: the task, its school's name and the name of the person who has it. */
public record InboxRow(TaskRecord task, String schoolName, String assigneeName) {
}
