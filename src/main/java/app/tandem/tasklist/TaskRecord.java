package app.tandem.tasklist;

import java.time.Instant;
import java.util.List;

/**
 * A user task as the tasklist knows it, open or completed.
 *
 * @param schoolId    from the process variable {@code schoolId}; null for work that belongs to no school
 * @param districtId  the school's district
 * @param completedBy who completed it (null while open)
 */
public record TaskRecord(String taskId, String processInstanceId, String processDefinitionId, String processKey,
                         String taskKey, String name, Long schoolId, Long districtId, List<String> candidateGroups,
                         String assignee, Instant dueAt, Instant followUpAt, Instant createdAt,
                         String completedBy, Instant completedAt) {

    public boolean open() {
        return completedAt == null;
    }

    public boolean isAssigned() {
        return assignee != null;
    }

    public boolean isOverdue(Instant now) {
        return open() && dueAt != null && dueAt.isBefore(now);
    }
}
