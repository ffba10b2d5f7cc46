package app.tandem.family.progress;

import java.time.LocalDate;
import java.util.List;

/**
 * How much tutoring a student is getting against the term's weekly target, and where their assessments place them.
 *
 * @param recentWeeks     the reported weeks among the recent ones, newest first
 * @param averageAttended sessions attended a week over {@code recentWeeks}; null with no week reported
 * @param latest          the latest assessment, or null
 * @param trend           against the assessment before it; null with fewer than two
 */
public record Dosage(long studentId, int target, List<Week> recentWeeks, Double averageAttended, Assessment latest,
                     Trend trend) {

    /** One reported week. */
    public record Week(LocalDate weekOf, int scheduled, int attended, int minutes) {
    }

    /** Flagged: reported weeks average fewer sessions than the target. No data is never "below". */
    public boolean belowTarget() {
        return averageAttended != null && averageAttended < target;
    }

    public boolean hasData() {
        return averageAttended != null;
    }
}
