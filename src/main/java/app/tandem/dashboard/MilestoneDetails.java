package app.tandem.dashboard;

import java.util.List;

import org.springframework.stereotype.Component;

import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.program.ImpactSummary;
import app.tandem.program.MeetingMinutes;
import app.tandem.program.Milestones;

/** What one milestone's page shows beside its record: the people by name, the minutes and the impact summary. */
@Component
public class MilestoneDetails {

    private final Milestones milestones;
    private final StaffDirectory staff;

    MilestoneDetails(Milestones milestones, StaffDirectory staff) {
        this.milestones = milestones;
        this.staff = staff;
    }

    /** @param minutes and {@code summary} null when none were recorded */
    public record Detail(String recordedBy, List<String> attendees, List<String> invitees, MeetingMinutes minutes,
                         ImpactSummary summary) {
    }

    public Detail of(Evidence.MilestoneRecord record) {
        long id = record.id();
        return new Detail(name(record.recordedBy()),
                milestones.attendees(id).stream().map(this::name).toList(),
                milestones.invitees(id).stream().map(this::name).toList(),
                milestones.minutesOf(id).orElse(null),
                milestones.impactSummaryOf(id).orElse(null));
    }

    private String name(String username) {
        if (username == null) {
            return null;
        }
        return staff.byUsername(username).map(StaffMember::fullName).orElse(username);
    }
}
