package app.tandem.program;

import app.tandem.directory.School;
import app.tandem.directory.Term;

/** The names the school-program model and its Java code share. */
public final class SchoolProgram {

    public static final String PROCESS_KEY = "school-program";

    public static final String SCHEDULE_ALIGNMENT_MEETING = "scheduleAlignmentMeeting";
    public static final String HOLD_ALIGNMENT_MEETING = "holdAlignmentMeeting";
    public static final String FOLLOW_UP_OVERDUE_ALIGNMENT_MEETING = "followUpOverdueAlignmentMeeting";
    public static final String RESCHEDULE_ALIGNMENT_MEETING = "rescheduleAlignmentMeeting";
    /** The boundary event that takes the meeting task back to move the meeting, and its message. */
    public static final String ALIGNMENT_MEETING_TO_BE_MOVED = "alignmentMeetingToBeMoved";
    public static final String ALIGNMENT_MEETING_HELD = "alignmentMeetingHeld";
    public static final String ALIGNMENT_MEETING_RECORDED = "alignmentMeetingRecorded";
    public static final String INTRODUCTION_DUE = "introductionDue";
    public static final String ALIGNMENT_MEETING_OVERDUE = "alignmentMeetingOverdue";
    public static final String TERM_STARTS = "termStarts";
    public static final String TERM_UNDER_WAY = "termUnderWay";
    public static final String HOLD_CHECK_IN = "holdCheckIn";
    /** The check-in's task page action, and its message: the check-in is scheduled, or moved. */
    public static final String CHECK_IN_TO_BE_SCHEDULED = "checkInToBeScheduled";
    public static final String SCHEDULE_CHECK_IN = "scheduleCheckIn";
    public static final String CHECK_IN_WINDOW_CLOSED = "checkInWindowClosed";
    public static final String NEXT_WINDOW_OPENS = "nextCheckInWindowOpens";
    public static final String RECORD_MISSED_CHECK_IN = "recordMissedCheckIn";
    public static final String TERM_ENDS = "termEnds";
    public static final String PREPARE_IMPACT_SUMMARY = "prepareImpactSummary";
    public static final String HOLD_CLOSE_OUT_MEETING = "holdCloseOutMeeting";
    public static final String CLOSE_OUT_MEETING_TO_BE_SCHEDULED = "closeOutMeetingToBeScheduled";
    public static final String SCHEDULE_CLOSE_OUT_MEETING = "scheduleCloseOutMeeting";
    public static final String PROGRAM_CLOSED = "programClosed";

    /** Process variables: ids, dates, counts and booleans only. */
    public static final class Var {
        public static final String TERM_STARTS_AT = "termStartsAt";
        public static final String TERM_ENDS_AT = "termEndsAt";
        public static final String CHECK_IN_CADENCE = "checkInCadence";
        /** When the caregivers are introduced if the alignment meeting has not been recorded by then. */
        public static final String CAREGIVER_INTRODUCTION_AT = "caregiverIntroductionAt";
        public static final String ALIGNMENT_SCHEDULE_DUE = "alignmentScheduleDue";
        public static final String ALIGNMENT_MEETING_DATE = "alignmentMeetingDate";
        public static final String ALIGNMENT_MEETING_DUE = "alignmentMeetingDue";
        public static final String ALIGNMENT_ESCALATE_AT = "alignmentEscalateAt";
        /**
         * When the version-1 model (release 50e4aad) reminds about the meeting with its own boundary timer; set for
         * programs still on that version, until none runs.
         */
        public static final String ALIGNMENT_REMINDER_AT = "alignmentReminderAt";
        public static final String ALIGNMENT_HELD_ON = "alignmentHeldOn";
        public static final String ALIGNMENT_HELD_BEFORE_START = "alignmentHeldBeforeStart";
        public static final String CHECK_IN_NUMBER = "checkInNumber";
        public static final String CHECK_IN_WINDOW_OPEN = "checkInWindowOpen";
        public static final String CHECK_IN_DUE = "checkInDue";
        public static final String CHECK_IN_WINDOW_CLOSES_AT = "checkInWindowClosesAt";
        public static final String IMPACT_SUMMARY_DUE = "impactSummaryDue";
        public static final String CLOSE_OUT_DUE = "closeOutDue";

        private Var() {
        }
    }

    private SchoolProgram() {
    }

    /** One program per school and term: the business key names both. */
    public static String businessKey(School school, Term term) {
        return school.code() + "/" + term.code();
    }
}
