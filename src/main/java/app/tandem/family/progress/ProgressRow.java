package app.tandem.family.progress;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One student's week as the provider reported it, with the assessment of that week if there was one. */
record ProgressRow(long studentId, LocalDate weekOf, int scheduled, int attended, int minutes, String subject,
                   String assessment, LocalDate assessedOn, BigDecimal score, String placement) {

    /** What a re-import compares: the same values change nothing. */
    boolean sameAs(ProgressRow other) {
        return other != null && scheduled == other.scheduled && attended == other.attended
                && minutes == other.minutes && java.util.Objects.equals(subject, other.subject)
                && java.util.Objects.equals(assessment, other.assessment)
                && java.util.Objects.equals(assessedOn, other.assessedOn)
                && (score == null ? other.score == null : other.score != null && score.compareTo(other.score) == 0)
                && java.util.Objects.equals(placement, other.placement);
    }
}
