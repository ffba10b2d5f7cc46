package app.tandem.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.program.ImpactSummary;
import app.tandem.program.MeetingMinutes;
import app.tandem.program.MeetingPlan;
import app.tandem.program.MeetingStudents;
import app.tandem.program.Milestones;

/**
 * What one milestone's page shows beside its record: the people by name, the minutes, the impact summary and the
 * students discussed.
 */
@Component
public class MilestoneDetails {

    private final Milestones milestones;
    private final StaffDirectory staff;

    private final MeetingStudents students;

    MilestoneDetails(Milestones milestones, StaffDirectory staff, MeetingStudents students) {
        this.students = students;
        this.milestones = milestones;
        this.staff = staff;
    }

    /**
     * @param minutes  and {@code summary} null when none were recorded
     * @param students the students the meeting discussed: what a check-in agreed for each, where the close-out found
     *                 each against the term's goal
     */
    public record Detail(String recordedBy, List<String> attendees, List<String> invitees, MeetingMinutes minutes,
                         ImpactSummary summary, List<MeetingStudents.Discussed> students) {
    }

    public Detail of(Evidence.MilestoneRecord record) {
        long id = record.id();
        return new Detail(name(record.recordedBy()),
                milestones.attendees(id).stream().map(this::name).toList(),
                milestones.invitees(id).stream().map(this::name).toList(),
                milestones.minutesOf(id).orElse(null),
                milestones.impactSummaryOf(id).orElse(null),
                students.of(id));
    }

    /** When and where each scheduled meeting of a term takes place, by milestone id. */
    public Map<Long, MeetingPlan> plansOfTerm(long termId) {
        return milestones.plansOfTerm(termId);
    }

    public Optional<MeetingPlan> planOf(long milestoneId) {
        return milestones.planOf(milestoneId);
    }

    /** A held check-in and who came, by name. */
    public record CheckInAttendance(long milestoneId, int number, LocalDate heldOn, List<String> attendees) {
    }

    /** For the 4d.2 drill-down: each held check-in of these terms with who attended it, by term id. */
    public Map<Long, List<CheckInAttendance>> checkInAttendance(Collection<Long> termIds) {
        Map<String, String> names = new HashMap<>();
        Map<Long, Map<Long, CheckInAttendance>> byTerm = new LinkedHashMap<>();
        for (Milestones.CheckInAttendee row : milestones.checkInAttendees(termIds)) {
            CheckInAttendance checkIn = byTerm.computeIfAbsent(row.termId(), t -> new LinkedHashMap<>())
                    .computeIfAbsent(row.milestoneId(), id -> new CheckInAttendance(id, row.sequenceNo(), row.heldOn(),
                            new ArrayList<>()));
            checkIn.attendees().add(names.computeIfAbsent(row.username(), this::name));
        }
        Map<Long, List<CheckInAttendance>> result = new HashMap<>();
        byTerm.forEach((term, checkIns) -> result.put(term, List.copyOf(checkIns.values())));
        return result;
    }

    private String name(String username) {
        if (username == null) {
            return null;
        }
        return staff.byUsername(username).map(StaffMember::fullName).orElse(username);
    }
}
