package app.tandem.dashboard;

import java.time.LocalDate;

import app.tandem.program.MilestoneStatus;

/**
 * What program_milestone says about one term, summed up by one query for all terms at once.
 *
 * @param checkInsCounted check-ins whose window has closed, or that were held already
 */
record TermEvidence(long termId, LocalDate startsOn, LocalDate endsOn,
                    MilestoneStatus alignmentStatus, LocalDate alignmentHeldOn, LocalDate alignmentDueOn,
                    int checkInsScheduled, int checkInsCounted, int checkInsHeldInTime,
                    MilestoneStatus closeOutStatus, LocalDate closeOutHeldOn, LocalDate closeOutDueOn) {

    static TermEvidence none(long termId, LocalDate startsOn, LocalDate endsOn) {
        return new TermEvidence(termId, startsOn, endsOn, null, null, null, 0, 0, 0, null, null, null);
    }
}
