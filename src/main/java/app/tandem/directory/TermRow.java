package app.tandem.directory;

import java.time.LocalDate;

/** A term as the district's list of terms shows it: with its school, its status and, once cancelled, why. */
public record TermRow(Term term, String schoolName, TermStatus status, LocalDate cancelledOn, String cancelReason) {

    public boolean startable() {
        return status == TermStatus.PLANNED;
    }

    public boolean cancellable() {
        return status == TermStatus.PLANNED || status == TermStatus.RUNNING;
    }
}
