package app.tandem.family.progress;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.tandem.system.DistrictClock;

/**
 * The weeks a progress update reports on: from the week its student's previous update of the term began (or the
 * term's first week) up to the day this one fell due, that day's week left for the next.
 */
@Repository
class CycleWindows {

    /** @param previousSubject the subject of the student's latest drafted update, if any */
    record CycleWindow(long updateId, long studentId, LocalDate from, LocalDate until, String previousSubject) {

        boolean holds(LocalDate week) {
            return !week.isBefore(from) && week.isBefore(until);
        }
    }

    private static final String SELECT = "select u.id, u.student_id, u.created_at, t.starts_on, "
            + "(select max(p.created_at) from caregiver_update p where p.student_id = u.student_id "
            + "and p.term_id = u.term_id and p.cycle_no < u.cycle_no) as previous_at, "
            + "(select max(p.subject) from caregiver_update p where p.student_id = u.student_id and p.drafted_at = "
            + "(select max(q.drafted_at) from caregiver_update q where q.student_id = u.student_id and q.id <> u.id)) "
            + "as previous_subject "
            + "from caregiver_update u join school_term t on t.id = u.term_id ";

    private final JdbcClient jdbc;
    private final ZoneId zone;

    CycleWindows(JdbcClient jdbc, DistrictClock clock) {
        this.jdbc = jdbc;
        this.zone = clock.zone();
    }

    List<CycleWindow> of(Collection<Long> updateIds) {
        if (updateIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + "where u.id in (:ids)").param("ids", updateIds).query(this::window).list();
    }

    Optional<CycleWindow> ofProcessInstance(String processInstanceId) {
        return jdbc.sql(SELECT + "where u.process_instance_id = ?").param(processInstanceId).query(this::window)
                .optional();
    }

    private CycleWindow window(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp previous = rs.getTimestamp("previous_at");
        LocalDate from = previous != null ? day(previous)
                : rs.getObject("starts_on", LocalDate.class).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new CycleWindow(rs.getLong("id"), rs.getLong("student_id"), from, day(rs.getTimestamp("created_at")),
                rs.getString("previous_subject"));
    }

    private LocalDate day(Timestamp moment) {
        return moment.toInstant().atZone(zone).toLocalDate();
    }
}
