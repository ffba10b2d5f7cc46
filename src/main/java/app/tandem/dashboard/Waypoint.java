package app.tandem.dashboard;

import java.util.Arrays;
import java.util.Optional;

import app.tandem.program.SchoolProgram;
import app.tandem.program.SchoolProgram.Var;

/**
 * The school-program activities that move a program from one phase or milestone to the next, with
 * the process variable that holds the next milestone's date. Reminders and escalations run beside
 * the main line and change neither, so they are not here.
 */
enum Waypoint {
    TERM_PLANNED("termPlanned", Phase.ALIGNMENT, NextStep.SCHEDULE_ALIGNMENT, Var.ALIGNMENT_SCHEDULE_DUE, 0),
    SCHEDULE_ALIGNMENT(SchoolProgram.SCHEDULE_ALIGNMENT_MEETING, Phase.ALIGNMENT, NextStep.SCHEDULE_ALIGNMENT,
            Var.ALIGNMENT_SCHEDULE_DUE, 0),
    HOLD_ALIGNMENT(SchoolProgram.HOLD_ALIGNMENT_MEETING, Phase.ALIGNMENT, NextStep.ALIGNMENT_MEETING,
            Var.ALIGNMENT_MEETING_DATE, 0),
    TERM_STARTS(SchoolProgram.TERM_STARTS, Phase.WAITING_FOR_START, NextStep.TERM_START, Var.TERM_STARTS_AT, 0),
    HOLD_CHECK_IN(SchoolProgram.HOLD_CHECK_IN, Phase.TERM, NextStep.CHECK_IN, Var.CHECK_IN_DUE, 0),
    NEXT_WINDOW(SchoolProgram.NEXT_WINDOW_OPENS, Phase.TERM, NextStep.CHECK_IN_WINDOW,
            Var.CHECK_IN_WINDOW_CLOSES_AT, 1),
    CLOSE_OPEN_CHECK_INS("closeOpenCheckIns", Phase.CLOSE_OUT, NextStep.IMPACT_SUMMARY, Var.IMPACT_SUMMARY_DUE, 0),
    PREPARE_IMPACT_SUMMARY(SchoolProgram.PREPARE_IMPACT_SUMMARY, Phase.CLOSE_OUT, NextStep.IMPACT_SUMMARY,
            Var.IMPACT_SUMMARY_DUE, 0),
    HOLD_CLOSE_OUT(SchoolProgram.HOLD_CLOSE_OUT_MEETING, Phase.CLOSE_OUT, NextStep.CLOSE_OUT_MEETING,
            Var.CLOSE_OUT_DUE, 0),
    PROGRAM_CLOSED(SchoolProgram.PROGRAM_CLOSED, Phase.CLOSED, null, null, 0);

    private final String activityId;
    private final Phase phase;
    private final NextStep next;
    private final String dateVariable;
    private final int checkInOffset;

    Waypoint(String activityId, Phase phase, NextStep next, String dateVariable, int checkInOffset) {
        this.activityId = activityId;
        this.phase = phase;
        this.next = next;
        this.dateVariable = dateVariable;
        this.checkInOffset = checkInOffset;
    }

    static Optional<Waypoint> at(String activityId) {
        return Arrays.stream(values()).filter(w -> w.activityId.equals(activityId)).findFirst();
    }

    String activityId() {
        return activityId;
    }

    Phase phase() {
        return phase;
    }

    NextStep next() {
        return next;
    }

    String dateVariable() {
        return dateVariable;
    }

    /** Waiting for the next window means the check-in after the one just held. */
    boolean numbersCheckIn() {
        return next == NextStep.CHECK_IN || next == NextStep.CHECK_IN_WINDOW;
    }

    int checkInOffset() {
        return checkInOffset;
    }
}
