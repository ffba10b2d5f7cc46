package app.tandem.program;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The students a meeting discussed, one row each: why they were on its agenda, and what was agreed (a check-in, 4d.2)
 * or how far they came against the term's goal (the close-out, 4d.3). Names and notes stay in Tandem's tables.
 */
@Repository
public class MeetingStudents {

    /** Why a student is on a meeting's agenda. */
    public enum Reason {
        /** Attends fewer sessions a week than the term's target. */
        BELOW_TARGET,
        /** A teacher asked for the student to be discussed. */
        FLAGGED,
        /** Every student of the school is discussed at the close-out. */
        CLOSE_OUT
    }

    /** Where a student stands against the goal set at the term's start, as the close-out judged it. */
    public enum Outcome {
        MET, PROGRESSING, NOT_MET
    }

    /** @param outcome null at a check-in; {@code agreed} null when nothing was written */
    public record Discussed(long studentId, String studentName, Reason reason, Outcome outcome, String agreed) {
    }

    private final JdbcClient jdbc;

    MeetingStudents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(long milestoneId, long studentId, Reason reason, Outcome outcome, String agreed) {
        int updated = jdbc.sql("update meeting_student set reason = ?, outcome = ?, agreed = ? "
                        + "where milestone_id = ? and student_id = ?")
                .params(reason.name(), outcome == null ? null : outcome.name(), agreed, milestoneId, studentId)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into meeting_student (milestone_id, student_id, reason, outcome, agreed) "
                            + "values (?, ?, ?, ?, ?)")
                    .params(milestoneId, studentId, reason.name(), outcome == null ? null : outcome.name(), agreed)
                    .update();
        }
    }

    /** The students of a meeting, by name. */
    public List<Discussed> of(long milestoneId) {
        return jdbc.sql("select m.student_id, s.full_name, m.reason, m.outcome, m.agreed from meeting_student m "
                        + "join student s on s.id = m.student_id where m.milestone_id = ? order by s.full_name, s.id")
                .param(milestoneId)
                .query((rs, n) -> new Discussed(rs.getLong(1), rs.getString(2), Reason.valueOf(rs.getString(3)),
                        rs.getString(4) == null ? null : Outcome.valueOf(rs.getString(4)), rs.getString(5)))
                .list();
    }

    /** A teacher asks for the student to be discussed at the term's next check-in. */
    public void flag(long studentId, long termId, String flaggedBy, java.time.LocalDateTime at) {
        jdbc.sql("delete from student_check_in_flag where student_id = ? and term_id = ?")
                .params(studentId, termId).update();
        jdbc.sql("insert into student_check_in_flag (student_id, term_id, flagged_by, flagged_at) values (?, ?, ?, ?)")
                .params(studentId, termId, flaggedBy, java.sql.Timestamp.valueOf(at))
                .update();
    }

    public void unflag(long studentId, long termId) {
        jdbc.sql("delete from student_check_in_flag where student_id = ? and term_id = ?")
                .params(studentId, termId).update();
    }

    /** The ids of the term's students a teacher flagged. */
    public List<Long> flagged(long termId) {
        return jdbc.sql("select student_id from student_check_in_flag where term_id = ? order by student_id")
                .param(termId)
                .query(Long.class)
                .list();
    }
}
