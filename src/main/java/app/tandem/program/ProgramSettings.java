package app.tandem.program;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param alignmentScheduleLead   how long before the term starts the alignment meeting must be scheduled
 * @param overdueEscalationAfter  how long after its due day an open task goes to the school leader
 * @param impactSummaryWithin     days after the term's end to prepare the impact summary
 * @param closeOutWithin          days after the term's end to hold the close-out meeting (indicator 4d.3)
 * @param defaultCheckInCadence   how often check-ins happen when a term does not say
 */
@ConfigurationProperties("tandem.program")
public record ProgramSettings(Period alignmentScheduleLead, Period overdueEscalationAfter, Period impactSummaryWithin, Period closeOutWithin,
                              Period defaultCheckInCadence) {
}
