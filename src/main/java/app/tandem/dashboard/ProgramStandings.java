package app.tandem.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.tandem.system.DistrictClock;

/** The summary table the dashboard lists: one row per school and term. */
@Repository
class ProgramStandings {

    private static final String COLUMNS =
            "term_id, school_id, process_instance_id, phase, next_step, next_number, next_on";

    private final JdbcClient jdbc;
    private final DistrictClock clock;

    ProgramStandings(JdbcClient jdbc, DistrictClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void save(Standing standing) {
        Timestamp now = Timestamp.from(clock.now());
        String next = standing.next() == null ? null : standing.next().name();
        int updated = jdbc.sql("update program_standing set school_id = ?, process_instance_id = ?, phase = ?, "
                        + "next_step = ?, next_number = ?, next_on = ?, updated_at = ? where term_id = ?")
                .params(standing.schoolId(), standing.processInstanceId(), standing.phase().name(), next,
                        standing.nextNumber(), standing.nextOn(), now, standing.termId())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into program_standing (" + COLUMNS + ", updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(standing.termId(), standing.schoolId(), standing.processInstanceId(),
                            standing.phase().name(), next, standing.nextNumber(), standing.nextOn(), now)
                    .update();
        }
    }

    Optional<Standing> ofTerm(long termId) {
        return jdbc.sql("select " + COLUMNS + " from program_standing where term_id = ?")
                .param(termId)
                .query(this::standing)
                .optional();
    }

    Set<String> processInstanceIds() {
        return Set.copyOf(jdbc.sql("select process_instance_id from program_standing")
                .query(String.class)
                .list());
    }

    private Standing standing(ResultSet rs, int row) throws SQLException {
        String next = rs.getString("next_step");
        return new Standing(rs.getLong("term_id"), rs.getLong("school_id"), rs.getString("process_instance_id"),
                Phase.valueOf(rs.getString("phase")), next == null ? null : NextStep.valueOf(next),
                (Integer) rs.getObject("next_number"), rs.getObject("next_on", LocalDate.class));
    }
}
