package app.tandem.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class Campaigns {

    private static final String COLUMNS = "id, district_id, program_year, business_key, lead_username, "
            + "approver_username, starts_on, ends_on, plan_status, process_instance_id, closed_on";

    private final JdbcClient jdbc;

    Campaigns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long districtId, String programYear, String businessKey, String lead, String approver,
                LocalDate startsOn, LocalDate endsOn, LocalDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into campaign (district_id, program_year, business_key, lead_username, approver_username, "
                        + "starts_on, ends_on, plan_status, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(districtId, programYear, businessKey, lead, approver, startsOn, endsOn,
                        PlanStatus.DRAFT.name(), Timestamp.valueOf(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<Campaign> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from campaign where id = ?").param(id).query(this::campaign).optional();
    }

    public Optional<Campaign> byDistrictAndYear(long districtId, String programYear) {
        return jdbc.sql("select " + COLUMNS + " from campaign where district_id = ? and program_year = ?")
                .params(districtId, programYear)
                .query(this::campaign)
                .optional();
    }

    /** The district's campaigns, newest program year first; every district's when no district is given. */
    public List<Campaign> ofDistrict(Long districtId) {
        if (districtId == null) {
            return jdbc.sql("select " + COLUMNS + " from campaign order by program_year desc, id desc")
                    .query(this::campaign).list();
        }
        return jdbc.sql("select " + COLUMNS + " from campaign where district_id = ? order by program_year desc, id desc")
                .param(districtId)
                .query(this::campaign)
                .list();
    }

    void recordProcessInstance(long id, String processInstanceId) {
        jdbc.sql("update campaign set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    void planStatus(long id, PlanStatus status) {
        jdbc.sql("update campaign set plan_status = ? where id = ?").params(status.name(), id).update();
    }

    void lead(long id, String username) {
        jdbc.sql("update campaign set lead_username = ? where id = ?").params(username, id).update();
    }

    void approver(long id, String username) {
        jdbc.sql("update campaign set approver_username = ? where id = ?").params(username, id).update();
    }

    void close(long id, LocalDate on) {
        jdbc.sql("update campaign set closed_on = ? where id = ? and closed_on is null").params(on, id).update();
    }

    private Campaign campaign(ResultSet rs, int row) throws SQLException {
        return new Campaign(rs.getLong("id"), rs.getLong("district_id"), rs.getString("program_year"),
                rs.getString("business_key"), rs.getString("lead_username"), rs.getString("approver_username"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                PlanStatus.valueOf(rs.getString("plan_status")), rs.getString("process_instance_id"),
                rs.getObject("closed_on", LocalDate.class));
    }
}
