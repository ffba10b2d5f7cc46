package app.tandem.dashboard.web;

import java.time.LocalDate;

import app.tandem.program.MeetingPlan;
import app.tandem.program.MilestoneKind;
import app.tandem.program.MilestoneStatus;

/**
 * One point on a school's timeline: a milestone with its planned and held dates, or one not planned
 * yet (no record, {@code milestoneId} null) with the day it is due. A scheduled meeting has its {@code plan}: start,
 * length and place or video link; null for one not scheduled with a time.
 */
public record TimelineEntry(MilestoneKind kind, int number, Long milestoneId, LocalDate windowOpensOn,
                            LocalDate dueOn, LocalDate plannedOn, LocalDate heldOn, MilestoneStatus status,
                            boolean heldInTime, MeetingPlan plan) {

    public String titleKey() {
        return "dashboard.timeline." + switch (kind) {
            case ALIGNMENT_MEETING -> "alignment";
            case CHECK_IN -> "checkIn";
            case IMPACT_SUMMARY -> "impactSummary";
            case CLOSE_OUT_MEETING -> "closeOut";
        };
    }

    /** held-in-time, held-late, missed, planned or not-planned: what the badge says. */
    public String state() {
        if (status == null) {
            return "notPlanned";
        }
        return switch (status) {
            case HELD -> heldInTime ? "heldInTime" : "heldLate";
            case MISSED -> "missed";
            case PLANNED -> "planned";
        };
    }

    public String anchor() {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + number;
    }
}
