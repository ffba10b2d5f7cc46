package app.tandem.program;

/** Which meeting an invitation is about: {@code mail.meeting.<title>} names it in each reader's language. */
final class MeetingTitles {

    static final String ALIGNMENT = "alignment";
    static final String CHECK_IN = "check-in";
    static final String CLOSE_OUT = "close-out";

    private MeetingTitles() {
    }

    static String of(MilestoneKind kind) {
        return switch (kind) {
            case ALIGNMENT_MEETING -> ALIGNMENT;
            case CHECK_IN -> CHECK_IN;
            case CLOSE_OUT_MEETING -> CLOSE_OUT;
            case IMPACT_SUMMARY -> throw new IllegalArgumentException("An impact summary is not a meeting");
        };
    }
}
