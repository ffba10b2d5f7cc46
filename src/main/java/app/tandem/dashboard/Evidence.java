package app.tandem.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.tandem.program.MilestoneKind;
import app.tandem.program.MilestoneStatus;

/**
 * The dashboard's reads of Tandem's own tables: the standing of every program in a scope, and the
 * milestone evidence behind indicators 4d.1 to 4d.3, summed per term in one grouped query.
 */
@Repository
public class Evidence {

    private static final String HELD_IN_TIME = "m.status = 'HELD' and m.held_on <= m.due_on";

    private static final String PROGRAM_COLUMNS = "select s.id as school_id, s.district_id, s.code as school_code, "
            + "s.name as school_name, t.id as term_id, t.code as term_code, t.name as term_name, t.starts_on, "
            + "t.ends_on, p.process_instance_id, p.phase, p.next_step, p.next_number, p.next_on "
            + "from program_standing p join school_term t on t.id = p.term_id join school s on s.id = p.school_id ";

    private final JdbcClient jdbc;

    Evidence(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ProgramRow> programs(Scope scope) {
        return programs(scope, TermChoice.EVERY_TERM, null);
    }

    /** The programs of the chosen terms; {@code today} in the district's time zone, for the current terms. */
    public List<ProgramRow> programs(Scope scope, TermChoice terms, LocalDate today) {
        if (scope.empty()) {
            return List.of();
        }
        return jdbc.sql(PROGRAM_COLUMNS + "where " + scope.where("p.school_id", "s.district_id") + terms.where())
                .params(scope.parameters())
                .params(terms.parameters(today))
                .query(this::programRow)
                .list();
    }

    /** The names of the chosen terms of the scope, for a list to pick one from. */
    public List<String> termNames(Scope scope, TermChoice terms, LocalDate today) {
        if (scope.empty()) {
            return List.of();
        }
        return jdbc.sql("select distinct t.name from program_standing p join school_term t on t.id = p.term_id "
                        + "join school s on s.id = p.school_id where " + scope.where("p.school_id", "s.district_id")
                        + terms.anyName().where() + " order by t.name")
                .params(scope.parameters())
                .params(terms.anyName().parameters(today))
                .query(String.class)
                .list();
    }

    public Optional<ProgramRow> program(long termId) {
        return jdbc.sql(PROGRAM_COLUMNS + "where p.term_id = ?")
                .param(termId)
                .query(this::programRow)
                .optional();
    }

    /** @return per term id, the evidence of every term in the scope that has a program */
    Map<Long, TermEvidence> ofTerms(Scope scope, TermChoice terms, LocalDate today) {
        Map<Long, TermEvidence> byTerm = new HashMap<>();
        if (scope.empty()) {
            return byTerm;
        }
        jdbc.sql("select t.id as term_id, t.starts_on, t.ends_on, "
                        + "max(case when m.kind = 'ALIGNMENT_MEETING' then m.status end) as alignment_status, "
                        + "max(case when m.kind = 'ALIGNMENT_MEETING' then m.held_on end) as alignment_held_on, "
                        + "max(case when m.kind = 'ALIGNMENT_MEETING' then m.due_on end) as alignment_due_on, "
                        + "sum(case when m.kind = 'CHECK_IN' then 1 else 0 end) as check_ins_scheduled, "
                        + "sum(case when m.kind = 'CHECK_IN' and (m.status <> 'PLANNED' or m.due_on < :today) "
                        + "then 1 else 0 end) as check_ins_counted, "
                        + "sum(case when m.kind = 'CHECK_IN' and " + HELD_IN_TIME + " then 1 else 0 end) "
                        + "as check_ins_in_time, "
                        + "max(case when m.kind = 'CLOSE_OUT_MEETING' then m.status end) as close_out_status, "
                        + "max(case when m.kind = 'CLOSE_OUT_MEETING' then m.held_on end) as close_out_held_on, "
                        + "max(case when m.kind = 'CLOSE_OUT_MEETING' then m.due_on end) as close_out_due_on "
                        + "from program_standing p join school_term t on t.id = p.term_id "
                        + "left join program_milestone m on m.term_id = p.term_id "
                        + "where " + scope.where("p.school_id") + terms.where()
                        + " group by t.id, t.starts_on, t.ends_on")
                .param("today", today)
                .params(scope.parameters())
                .params(terms.parameters(today))
                .query(rs -> {
                    byTerm.put(rs.getLong("term_id"), termEvidence(rs));
                });
        return byTerm;
    }

    /** Check-ins held in time against those counted (window closed or held), per due day, oldest first. */
    List<CheckInDay> checkInsByDueDay(Scope scope, TermChoice terms, LocalDate today) {
        if (scope.empty()) {
            return List.of();
        }
        return jdbc.sql("select m.due_on, count(*) as counted, "
                        + "sum(case when " + HELD_IN_TIME + " then 1 else 0 end) as in_time "
                        + "from program_milestone m where m.kind = 'CHECK_IN' "
                        + "and (m.status <> 'PLANNED' or m.due_on < :today) and " + scope.where("m.school_id") + " "
                        + (terms.where().isEmpty() ? ""
                                : "and m.term_id in (select t.id from school_term t where 1 = 1" + terms.where() + ") ")
                        + "group by m.due_on order by m.due_on")
                .param("today", today)
                .params(scope.parameters())
                .params(terms.parameters(today))
                .query((rs, n) -> new CheckInDay(rs.getObject("due_on", LocalDate.class), rs.getInt("counted"),
                        rs.getInt("in_time")))
                .list();
    }

    public record CheckInDay(LocalDate dueOn, int counted, int heldInTime) {
    }

    /** One milestone as its record page shows it. */
    public record MilestoneRecord(long id, long schoolId, long termId, MilestoneKind kind, int sequenceNo,
                           LocalDate windowOpensOn, LocalDate dueOn, LocalDate plannedOn, LocalDate heldOn,
                           MilestoneStatus status, Integer attendeeCount, Integer studentsDiscussed,
                           String recordedBy, LocalDateTime recordedAt) {

        public boolean heldInTime() {
            return status == MilestoneStatus.HELD && heldOn != null && dueOn != null && !heldOn.isAfter(dueOn);
        }
    }

    public Optional<MilestoneRecord> milestone(long id) {
        return jdbc.sql("select " + MILESTONE_COLUMNS + " from program_milestone where id = ?")
                .param(id)
                .query(this::milestoneRecord)
                .optional();
    }

    public List<MilestoneRecord> milestonesOfTerm(long termId) {
        return jdbc.sql("select " + MILESTONE_COLUMNS + " from program_milestone where term_id = ?")
                .param(termId)
                .query(this::milestoneRecord)
                .list();
    }

    private static final String MILESTONE_COLUMNS = "id, school_id, term_id, kind, sequence_no, window_opens_on, "
            + "due_on, planned_on, held_on, status, attendee_count, students_discussed, recorded_by, recorded_at";

    private MilestoneRecord milestoneRecord(ResultSet rs, int row) throws SQLException {
        Timestamp recordedAt = rs.getTimestamp("recorded_at");
        return new MilestoneRecord(rs.getLong("id"), rs.getLong("school_id"), rs.getLong("term_id"),
                MilestoneKind.valueOf(rs.getString("kind")), rs.getInt("sequence_no"),
                rs.getObject("window_opens_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                rs.getObject("planned_on", LocalDate.class), rs.getObject("held_on", LocalDate.class),
                MilestoneStatus.valueOf(rs.getString("status")), (Integer) rs.getObject("attendee_count"),
                (Integer) rs.getObject("students_discussed"), rs.getString("recorded_by"),
                recordedAt == null ? null : recordedAt.toLocalDateTime());
    }

    private TermEvidence termEvidence(ResultSet rs) throws SQLException {
        return new TermEvidence(rs.getLong("term_id"), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class), status(rs.getString("alignment_status")),
                rs.getObject("alignment_held_on", LocalDate.class), rs.getObject("alignment_due_on", LocalDate.class),
                rs.getInt("check_ins_scheduled"), rs.getInt("check_ins_counted"), rs.getInt("check_ins_in_time"),
                status(rs.getString("close_out_status")), rs.getObject("close_out_held_on", LocalDate.class),
                rs.getObject("close_out_due_on", LocalDate.class));
    }

    private ProgramRow programRow(ResultSet rs, int row) throws SQLException {
        String next = rs.getString("next_step");
        Standing standing = new Standing(rs.getLong("term_id"), rs.getLong("school_id"),
                rs.getString("process_instance_id"), Phase.valueOf(rs.getString("phase")),
                next == null ? null : NextStep.valueOf(next), (Integer) rs.getObject("next_number"),
                rs.getObject("next_on", LocalDate.class));
        return new ProgramRow(rs.getLong("school_id"), rs.getString("school_code"), rs.getString("school_name"),
                rs.getLong("term_id"), rs.getString("term_code"), rs.getString("term_name"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class), standing,
                rs.getLong("district_id"));
    }

    private static MilestoneStatus status(String value) {
        return value == null ? null : MilestoneStatus.valueOf(value);
    }

}
