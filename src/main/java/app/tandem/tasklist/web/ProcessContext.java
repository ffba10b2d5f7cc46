package app.tandem.tasklist.web;

import java.time.LocalDate;

/**
 * What a task is about, shown beside its form: the school, the term and the planned day.
 * Each part is null when the process does not carry it.
 */
record ProcessContext(String schoolName, String termName, LocalDate termStartsOn, LocalDate termEndsOn,
                      LocalDate plannedOn) {
}
