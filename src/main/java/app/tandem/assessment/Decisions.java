package app.tandem.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.tandem.dashboard.Indicator;

/** Every confirmation and override of a self-assessment rating, kept; the latest one of each indicator stands. */
@Repository
public class Decisions {

    private static final String COLUMNS = "id, district_id, program_year, indicator_code, proposed, rating, note, "
            + "decided_by, decided_at";

    private final JdbcClient jdbc;

    Decisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(Decision decision) {
        jdbc.sql("insert into assessment_decision (district_id, program_year, indicator_code, proposed, rating, note, "
                        + "decided_by, decided_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(decision.districtId(), decision.programYear(), decision.indicator().code(),
                        decision.proposed() == null ? null : decision.proposed().name(), decision.rating().name(),
                        decision.note(), decision.decidedBy(), Timestamp.valueOf(decision.decidedAt()))
                .update();
    }

    /** The decision that stands for each indicator the manager decided on. */
    public Map<Indicator, Decision> latest(long districtId, String programYear) {
        Map<Indicator, Decision> latest = new EnumMap<>(Indicator.class);
        for (Decision decision : history(districtId, programYear)) {
            latest.putIfAbsent(decision.indicator(), decision);
        }
        return latest;
    }

    /** Newest first. */
    public List<Decision> history(long districtId, String programYear) {
        return jdbc.sql("select " + COLUMNS + " from assessment_decision where district_id = ? and program_year = ? "
                        + "order by decided_at desc, id desc")
                .params(districtId, programYear)
                .query(this::decision)
                .list();
    }

    private Decision decision(ResultSet rs, int row) throws SQLException {
        String proposed = rs.getString("proposed");
        return new Decision(rs.getLong("id"), rs.getLong("district_id"), rs.getString("program_year"),
                Indicator.byCode(rs.getString("indicator_code")).orElseThrow(),
                proposed == null ? null : Rating.valueOf(proposed), Rating.valueOf(rs.getString("rating")),
                rs.getString("note"), rs.getString("decided_by"), rs.getTimestamp("decided_at").toLocalDateTime());
    }
}
