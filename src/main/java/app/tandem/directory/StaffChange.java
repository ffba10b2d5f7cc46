package app.tandem.directory;

import java.time.Instant;

/**
 * One line of the staff audit log: who changed which part of whose account, when, how, and what it was
 * before and after (empty when the account was new).
 */
public record StaffChange(Instant at, String username, Long districtId, StaffField field, String before,
                          String after, String changedBy, ChangeSource source) {
}
