package app.tandem.program;

import java.time.LocalDate;

/** One piece of evidence: a meeting or check-in of a school's term, planned, held or missed. */
public record Milestone(long id, long schoolId, long termId, MilestoneKind kind, int sequenceNo,
                        LocalDate windowOpensOn, LocalDate dueOn, LocalDate plannedOn, LocalDate heldOn,
                        MilestoneStatus status, Integer attendeeCount, Integer studentsDiscussed,
                        String recordedBy) {

    /** Held no later than its due day: what indicators 4d.1 to 4d.3 count. */
    public boolean heldInTime() {
        return status == MilestoneStatus.HELD && heldOn != null && dueOn != null && !heldOn.isAfter(dueOn);
    }
}
