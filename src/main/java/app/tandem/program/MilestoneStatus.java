package app.tandem.program;

public enum MilestoneStatus {
    PLANNED,
    HELD,
    MISSED
}
