package app.tandem.program;

public enum MilestoneKind {
    ALIGNMENT_MEETING,
    CHECK_IN,
    IMPACT_SUMMARY,
    CLOSE_OUT_MEETING
}
