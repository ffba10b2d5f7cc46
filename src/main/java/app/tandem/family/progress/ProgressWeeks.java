package app.tandem.family.progress;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The weeks of progress data tutoring providers reported, per student: written by the import, read for dosage. */
@Repository
class ProgressWeeks {

    private static final int BATCH = 500;
    private static final String COLUMNS = "p.student_id, p.week_of, p.sessions_scheduled, p.sessions_attended, "
            + "p.minutes, p.subject, p.assessment_name, p.assessed_on, p.score, p.placement";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ProgressWeeks(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The district's students by student number, with their schools. */
    Map<String, ProgressCheck.Known> studentsOf(long districtId) {
        Map<String, ProgressCheck.Known> students = new HashMap<>();
        jdbc.sql("select student_number, id, school_id from student where district_id = ?").param(districtId)
                .query((rs, n) -> students.put(rs.getString(1), new ProgressCheck.Known(rs.getLong(2), rs.getLong(3))))
                .list();
        return students;
    }

    /** What the district has for the weeks from {@code first} to {@code last}, by student and week. */
    Map<String, ProgressRow> ofDistrict(long districtId, LocalDate first, LocalDate last) {
        Map<String, ProgressRow> rows = new HashMap<>();
        jdbc.sql("select " + COLUMNS + " from progress_week p join student s on s.id = p.student_id "
                        + "where s.district_id = ? and p.week_of between ? and ?")
                .params(districtId, first, last)
                .query(ProgressWeeks::row)
                .list()
                .forEach(row -> rows.put(key(row.studentId(), row.weekOf()), row));
        return rows;
    }

    void insert(List<ProgressRow> rows, String by, Instant at) {
        batch.batchUpdate("insert into progress_week (sessions_scheduled, sessions_attended, minutes, subject, "
                + "assessment_name, assessed_on, score, placement, imported_by, imported_at, student_id, week_of) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values(rows, by, at), BATCH, ProgressWeeks::set);
    }

    /** A week imported again replaces what it said before. */
    void replace(List<ProgressRow> rows, String by, Instant at) {
        batch.batchUpdate("update progress_week set sessions_scheduled = ?, sessions_attended = ?, minutes = ?, "
                + "subject = ?, assessment_name = ?, assessed_on = ?, score = ?, placement = ?, imported_by = ?, "
                + "imported_at = ? where student_id = ? and week_of = ?", values(rows, by, at), BATCH, ProgressWeeks::set);
    }

    /** The weeks from {@code from} on of the given students, newest first. */
    List<ProgressRow> weeksOf(Collection<Long> studentIds, LocalDate from) {
        if (studentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from progress_week p where p.student_id in (:ids) and p.week_of >= :from "
                        + "order by p.student_id, p.week_of desc")
                .param("ids", studentIds)
                .param("from", from)
                .query(ProgressWeeks::row)
                .list();
    }

    /** Every assessment of the given students, the latest first. */
    List<ProgressRow> assessmentsOf(Collection<Long> studentIds) {
        if (studentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from progress_week p where p.student_id in (:ids) "
                        + "and p.assessed_on is not null order by p.student_id, p.assessed_on desc, p.week_of desc")
                .param("ids", studentIds)
                .query(ProgressWeeks::row)
                .list();
    }

    static String key(long studentId, LocalDate week) {
        return studentId + "/" + week;
    }

    private static List<Object[]> values(List<ProgressRow> rows, String by, Instant at) {
        List<Object[]> values = new ArrayList<>();
        Timestamp when = Timestamp.from(at);
        for (ProgressRow row : rows) {
            values.add(new Object[] {row.scheduled(), row.attended(), row.minutes(), row.subject(), row.assessment(),
                    row.assessedOn() == null ? null : java.sql.Date.valueOf(row.assessedOn()), row.score(),
                    row.placement(), by, when, row.studentId(), java.sql.Date.valueOf(row.weekOf())});
        }
        return values;
    }

    private static void set(java.sql.PreparedStatement statement, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }

    private static ProgressRow row(ResultSet rs, int n) throws SQLException {
        return new ProgressRow(rs.getLong("student_id"), rs.getObject("week_of", LocalDate.class),
                rs.getInt("sessions_scheduled"), rs.getInt("sessions_attended"), rs.getInt("minutes"),
                rs.getString("subject"), rs.getString("assessment_name"), rs.getObject("assessed_on", LocalDate.class),
                rs.getBigDecimal("score"), rs.getString("placement"));
    }
}
