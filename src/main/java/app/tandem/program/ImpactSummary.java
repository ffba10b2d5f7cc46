package app.tandem.program;

/** The coordinators' account of a term, prepared for the close-out meeting (indicator 4d.3). */
public record ImpactSummary(Integer studentsServed, String progressSummary, String whatWorked, String whatToChange) {
}
