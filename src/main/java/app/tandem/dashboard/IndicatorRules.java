package app.tandem.dashboard;

import java.time.LocalDate;
import java.time.Period;

import org.springframework.stereotype.Component;

import app.tandem.program.MilestoneStatus;

/** The rules of indicators 4d.1 to 4d.3, applied to one term's evidence on a given day. */
@Component
public class IndicatorRules {

    /** 4d.1: met when the alignment meeting was held before the term's first day. */
    Share alignment(TermEvidence evidence, LocalDate today) {
        LocalDate due = evidence.alignmentDueOn() != null ? evidence.alignmentDueOn()
                : evidence.startsOn().minusDays(1);
        return meeting(evidence.alignmentStatus(), evidence.alignmentHeldOn(), due, today);
    }

    /** 4d.2: of the check-ins whose window has closed (or that were held), the share held within it. */
    Share checkIns(TermEvidence evidence) {
        return new Share(evidence.checkInsHeldInTime(), evidence.checkInsCounted());
    }

    /**
     * 4d.3: met when the close-out meeting was held within the district's close-out window of the term's end: by
     * the due day planned with the meeting, or before that, the window the district sets now.
     */
    Share closeOut(TermEvidence evidence, Period closeOutWithin, LocalDate today) {
        LocalDate due = evidence.closeOutDueOn() != null ? evidence.closeOutDueOn()
                : evidence.endsOn().plus(closeOutWithin);
        return meeting(evidence.closeOutStatus(), evidence.closeOutHeldOn(), due, today);
    }

    /** Held by the due day: met; held later, missed, or still not held once the day has passed: not met. */
    private static Share meeting(MilestoneStatus status, LocalDate heldOn, LocalDate due, LocalDate today) {
        if (status == MilestoneStatus.HELD && heldOn != null) {
            return Share.met(!heldOn.isAfter(due));
        }
        if (status == MilestoneStatus.MISSED || today.isAfter(due)) {
            return Share.met(false);
        }
        return Share.NO_DATA;
    }
}
