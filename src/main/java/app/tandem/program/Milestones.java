package app.tandem.program;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The evidence table behind indicators 4d.1 to 4d.3. */
@Repository
public class Milestones {

    private static final String COLUMNS = "id, school_id, term_id, kind, sequence_no, window_opens_on, due_on, "
            + "planned_on, held_on, status, attendee_count, students_discussed, recorded_by";

    private final JdbcClient jdbc;

    public Milestones(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Plans a milestone, or moves the plan of one already planned (a rescheduled meeting). */
    public long plan(ProgramRef ref, MilestoneKind kind, int sequenceNo, LocalDate windowOpensOn, LocalDate dueOn,
                     LocalDate plannedOn) {
        Optional<Long> existing = idOf(ref.termId(), kind, sequenceNo);
        if (existing.isPresent()) {
            jdbc.sql("update program_milestone set window_opens_on = ?, due_on = ?, planned_on = ? where id = ?")
                    .params(windowOpensOn, dueOn, plannedOn, existing.get())
                    .update();
            return existing.get();
        }
        jdbc.sql("insert into program_milestone (school_id, term_id, process_instance_id, kind, sequence_no, "
                        + "window_opens_on, due_on, planned_on, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(ref.schoolId(), ref.termId(), ref.processInstanceId(), kind.name(), sequenceNo,
                        windowOpensOn, dueOn, plannedOn, MilestoneStatus.PLANNED.name())
                .update();
        return idOf(ref.termId(), kind, sequenceNo).orElseThrow();
    }

    public long recordHeld(ProgramRef ref, MilestoneKind kind, int sequenceNo, LocalDate dueOn, LocalDate heldOn,
                           Integer attendeeCount, Integer studentsDiscussed, String recordedBy,
                           LocalDateTime recordedAt) {
        long id = idOf(ref.termId(), kind, sequenceNo)
                .orElseGet(() -> plan(ref, kind, sequenceNo, null, dueOn, null));
        jdbc.sql("update program_milestone set status = ?, held_on = ?, attendee_count = ?, students_discussed = ?, "
                        + "recorded_by = ?, recorded_at = ?, due_on = coalesce(due_on, ?) where id = ?")
                .params(MilestoneStatus.HELD.name(), heldOn, attendeeCount, studentsDiscussed, recordedBy,
                        Timestamp.valueOf(recordedAt), dueOn, id)
                .update();
        return id;
    }

    public void recordMissed(long termId, MilestoneKind kind, int sequenceNo) {
        jdbc.sql("update program_milestone set status = ? where term_id = ? and kind = ? and sequence_no = ? "
                        + "and status = ?")
                .params(MilestoneStatus.MISSED.name(), termId, kind.name(), sequenceNo,
                        MilestoneStatus.PLANNED.name())
                .update();
    }

    /** At the term's end every check-in still waiting is recorded as missed. */
    public int closeOpenCheckIns(long termId) {
        return jdbc.sql("update program_milestone set status = ? where term_id = ? and kind = ? and status = ?")
                .params(MilestoneStatus.MISSED.name(), termId, MilestoneKind.CHECK_IN.name(),
                        MilestoneStatus.PLANNED.name())
                .update();
    }

    /** The last day a check-in of the term was held on, if one was: the term cannot end before it. */
    public Optional<LocalDate> lastCheckInHeld(long termId) {
        return jdbc.sql("select held_on from program_milestone where term_id = ? and kind = ? and status = ? "
                        + "and held_on is not null order by held_on desc")
                .params(termId, MilestoneKind.CHECK_IN.name(), MilestoneStatus.HELD.name())
                .query((rs, n) -> rs.getObject("held_on", LocalDate.class))
                .list()
                .stream()
                .findFirst();
    }

    /** A planned check-in falls due on another day, as when its term now ends sooner. */
    public void moveDue(long termId, MilestoneKind kind, int sequenceNo, LocalDate dueOn) {
        jdbc.sql("update program_milestone set due_on = ? where term_id = ? and kind = ? and sequence_no = ? "
                        + "and status = ?")
                .params(dueOn, termId, kind.name(), sequenceNo, MilestoneStatus.PLANNED.name())
                .update();
    }

    public void recordInvitees(long milestoneId, Collection<String> usernames) {
        for (String username : usernames) {
            int updated = jdbc.sql("update meeting_participant set invited = true where milestone_id = ? and username = ?")
                    .params(milestoneId, username)
                    .update();
            if (updated == 0) {
                jdbc.sql("insert into meeting_participant (milestone_id, username, invited, attended) "
                                + "values (?, ?, true, false)")
                        .params(milestoneId, username)
                        .update();
            }
        }
    }

    public void recordAttendees(long milestoneId, Collection<String> usernames) {
        for (String username : usernames) {
            int updated = jdbc.sql("update meeting_participant set attended = true where milestone_id = ? and username = ?")
                    .params(milestoneId, username)
                    .update();
            if (updated == 0) {
                jdbc.sql("insert into meeting_participant (milestone_id, username, invited, attended) "
                                + "values (?, ?, false, true)")
                        .params(milestoneId, username)
                        .update();
            }
        }
    }

    /** When and where a planned meeting takes place; planned again, it replaces the plan before. */
    public void recordPlan(long milestoneId, MeetingPlan plan) {
        int updated = jdbc.sql("update meeting_plan set starts_at = ?, length_minutes = ?, place = ?, video_link = ? "
                        + "where milestone_id = ?")
                .params(Timestamp.valueOf(plan.startsAt()), plan.lengthMinutes(), plan.place(), plan.videoLink(),
                        milestoneId)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into meeting_plan (milestone_id, starts_at, length_minutes, place, video_link) "
                            + "values (?, ?, ?, ?, ?)")
                    .params(milestoneId, Timestamp.valueOf(plan.startsAt()), plan.lengthMinutes(), plan.place(),
                            plan.videoLink())
                    .update();
        }
    }

    public Optional<MeetingPlan> planOf(long milestoneId) {
        return jdbc.sql("select starts_at, length_minutes, place, video_link from meeting_plan where milestone_id = ?")
                .param(milestoneId)
                .query((rs, n) -> new MeetingPlan(rs.getTimestamp(1).toLocalDateTime(), rs.getInt(2), rs.getString(3),
                        rs.getString(4)))
                .optional();
    }

    /** The plans of a term's meetings, by milestone id. */
    public java.util.Map<Long, MeetingPlan> plansOfTerm(long termId) {
        java.util.Map<Long, MeetingPlan> plans = new java.util.HashMap<>();
        jdbc.sql("select p.milestone_id, p.starts_at, p.length_minutes, p.place, p.video_link from meeting_plan p "
                        + "join program_milestone m on m.id = p.milestone_id where m.term_id = ?")
                .param(termId)
                .query(rs -> {
                    plans.put(rs.getLong(1), new MeetingPlan(rs.getTimestamp(2).toLocalDateTime(), rs.getInt(3),
                            rs.getString(4), rs.getString(5)));
                });
        return plans;
    }

    /** Who attended a held check-in of one of these terms. */
    public record CheckInAttendee(long termId, long milestoneId, int sequenceNo, LocalDate heldOn, String username) {
    }

    public List<CheckInAttendee> checkInAttendees(Collection<Long> termIds) {
        if (termIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select m.term_id, m.id, m.sequence_no, m.held_on, p.username from program_milestone m "
                        + "join meeting_participant p on p.milestone_id = m.id and p.attended = true "
                        + "where m.kind = :kind and m.status = :held and m.term_id in (:terms) "
                        + "order by m.term_id, m.sequence_no, p.username")
                .param("kind", MilestoneKind.CHECK_IN.name())
                .param("held", MilestoneStatus.HELD.name())
                .param("terms", termIds)
                .query((rs, n) -> new CheckInAttendee(rs.getLong(1), rs.getLong(2), rs.getInt(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5)))
                .list();
    }

    public void recordImpactSummary(long milestoneId, ImpactSummary summary) {
        jdbc.sql("delete from impact_summary where milestone_id = ?").param(milestoneId).update();
        jdbc.sql("insert into impact_summary (milestone_id, students_served, progress_summary, what_worked, "
                        + "what_to_change) values (?, ?, ?, ?, ?)")
                .params(milestoneId, summary.studentsServed(), summary.progressSummary(), summary.whatWorked(),
                        summary.whatToChange())
                .update();
    }

    public Optional<ImpactSummary> impactSummaryOf(long milestoneId) {
        return jdbc.sql("select students_served, progress_summary, what_worked, what_to_change from impact_summary "
                        + "where milestone_id = ?")
                .param(milestoneId)
                .query(ImpactSummary::row)
                .optional();
    }

    public void recordMinutes(long milestoneId, MeetingMinutes minutes) {
        jdbc.sql("delete from meeting_minutes where milestone_id = ?").param(milestoneId).update();
        jdbc.sql("insert into meeting_minutes (milestone_id, alignment_points, notes, concerns, agreed_actions) "
                        + "values (?, ?, ?, ?, ?)")
                .params(milestoneId, minutes.alignmentPoints(), minutes.notes(), minutes.concerns(),
                        minutes.agreedActions())
                .update();
    }

    public Optional<MeetingMinutes> minutesOf(long milestoneId) {
        return jdbc.sql("select alignment_points, notes, concerns, agreed_actions from meeting_minutes "
                        + "where milestone_id = ?")
                .param(milestoneId)
                .query(MeetingMinutes::row)
                .optional();
    }

    public List<String> attendees(long milestoneId) {
        return jdbc.sql("select username from meeting_participant where milestone_id = ? and attended = true "
                        + "order by username")
                .param(milestoneId)
                .query(String.class)
                .list();
    }

    public List<String> invitees(long milestoneId) {
        return jdbc.sql("select username from meeting_participant where milestone_id = ? and invited = true "
                        + "order by username")
                .param(milestoneId)
                .query(String.class)
                .list();
    }

    public List<Milestone> ofTerm(long termId) {
        return jdbc.sql("select " + COLUMNS + " from program_milestone where term_id = ? order by kind, sequence_no")
                .param(termId)
                .query(this::milestone)
                .list();
    }

    public Optional<Milestone> find(long termId, MilestoneKind kind, int sequenceNo) {
        return jdbc.sql("select " + COLUMNS + " from program_milestone where term_id = ? and kind = ? "
                        + "and sequence_no = ?")
                .params(termId, kind.name(), sequenceNo)
                .query(this::milestone)
                .optional();
    }

    private Optional<Long> idOf(long termId, MilestoneKind kind, int sequenceNo) {
        return jdbc.sql("select id from program_milestone where term_id = ? and kind = ? and sequence_no = ?")
                .params(termId, kind.name(), sequenceNo)
                .query(Long.class)
                .optional();
    }

    private Milestone milestone(ResultSet rs, int row) throws SQLException {
        return new Milestone(rs.getLong("id"), rs.getLong("school_id"), rs.getLong("term_id"),
                MilestoneKind.valueOf(rs.getString("kind")), rs.getInt("sequence_no"),
                rs.getObject("window_opens_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                rs.getObject("planned_on", LocalDate.class), rs.getObject("held_on", LocalDate.class),
                MilestoneStatus.valueOf(rs.getString("status")), (Integer) rs.getObject("attendee_count"),
                (Integer) rs.getObject("students_discussed"), rs.getString("recorded_by"));
    }
}
