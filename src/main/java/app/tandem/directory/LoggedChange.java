package app.tandem.directory;

import java.time.Instant;

/**
 * One line of the audit log: who changed which part of what, when, how, and what it was before and after (empty
 * when the subject was new, or the part was taken away).
 */
public record LoggedChange(Instant at, SubjectKind kind, String subjectKey, Long districtId, ChangedField field,
                           String before, String after, String changedBy, ChangeSource source) {
}
