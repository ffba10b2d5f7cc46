package app.tandem.program;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param alignmentScheduleLead   how long before the term starts the alignment meeting must be scheduled
 * @param alignmentReminderLead   how long before the meeting's day the coordinators are reminded
 * @param overdueEscalationAfter  how long after the meeting's day an unrecorded meeting goes to a manager
 * @param impactSummaryWithin     days after the term's end to prepare the impact summary
 * @param closeOutWithin          days after the term's end to hold the close-out meeting (indicator 4d.3)
 * @param defaultCheckInCadence   how often check-ins happen when a term does not say
 */
@ConfigurationProperties("tandem.program")
public record ProgramSettings(Period alignmentScheduleLead, Period alignmentReminderLead,
                              Period overdueEscalationAfter, Period impactSummaryWithin, Period closeOutWithin,
                              Period defaultCheckInCadence) {
}
