package app.tandem.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Outreach tracks and their touchpoints. The campaign model reads {@code outreachTracks.idsOf(campaignId)}
 * to run one track per approved plan row.
 */
@Repository("outreachTracks")
public class OutreachTracks {

    private static final String TRACK = "id, campaign_id, plan_row_id, owner_username, opened_on, first_step, "
            + "process_instance_id, closed_on";
    private static final String TOUCHPOINT = "id, track_id, sequence_no, opens_on, due_on, status, held_on, shared, "
            + "with_whom, recorded_by";

    private final JdbcClient jdbc;

    OutreachTracks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens the row's track, once. */
    long open(PlanRow row, LocalDate openedOn) {
        Optional<Long> existing = jdbc.sql("select id from outreach_track where plan_row_id = ?")
                .param(row.id()).query(Long.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        TouchpointSchedule schedule = TouchpointSchedule.open(openedOn, row.anchorOn(), row.cadence());
        jdbc.sql("insert into outreach_track (campaign_id, plan_row_id, owner_username, opened_on, first_step) "
                        + "values (?, ?, ?, ?, ?)")
                .params(row.campaignId(), row.id(), row.ownerUsername(), openedOn, schedule.firstStep())
                .update();
        return jdbc.sql("select id from outreach_track where plan_row_id = ?").param(row.id()).query(Long.class).single();
    }

    public List<Long> idsOf(Number campaignId) {
        return jdbc.sql("select t.id from outreach_track t join plan_row r on r.id = t.plan_row_id "
                        + "where t.campaign_id = ? order by r.sort_order, t.id")
                .param(campaignId.longValue())
                .query(Long.class)
                .list();
    }

    public Optional<Track> byId(long id) {
        return jdbc.sql("select " + TRACK + " from outreach_track where id = ?").param(id).query(this::track).optional();
    }

    public Optional<Track> byProcessInstance(String processInstanceId) {
        return jdbc.sql("select " + TRACK + " from outreach_track where process_instance_id = ?")
                .param(processInstanceId).query(this::track).optional();
    }

    public List<Track> ofCampaign(long campaignId) {
        return jdbc.sql("select " + TRACK + " from outreach_track where campaign_id = ? order by id")
                .param(campaignId).query(this::track).list();
    }

    public List<Track> ofOwner(String username) {
        return jdbc.sql("select " + TRACK + " from outreach_track where owner_username = ? order by id")
                .param(username).query(this::track).list();
    }

    void recordProcessInstance(long trackId, String processInstanceId) {
        jdbc.sql("update outreach_track set process_instance_id = ? where id = ? and process_instance_id is null")
                .params(processInstanceId, trackId).update();
    }

    void close(long trackId, LocalDate on) {
        jdbc.sql("update outreach_track set closed_on = ? where id = ? and closed_on is null").params(on, trackId).update();
    }

    /** @return the open tracks that changed hands */
    List<Track> moveOwner(long campaignId, String from, String to) {
        List<Track> moving = jdbc.sql("select " + TRACK + " from outreach_track where campaign_id = ? "
                        + "and owner_username = ? and closed_on is null order by id")
                .params(campaignId, from).query(this::track).list();
        jdbc.sql("update outreach_track set owner_username = ? where campaign_id = ? and owner_username = ? "
                        + "and closed_on is null")
                .params(to, campaignId, from).update();
        return moving;
    }

    /** Plans touchpoint n of the track, once (a retried job finds it planned). */
    void planTouchpoint(long trackId, int number, LocalDate opensOn, LocalDate dueOn) {
        if (touchpoint(trackId, number).isEmpty()) {
            jdbc.sql("insert into touchpoint (track_id, sequence_no, opens_on, due_on, status) values (?, ?, ?, ?, ?)")
                    .params(trackId, number, opensOn, dueOn, TouchpointStatus.OPEN.name())
                    .update();
        }
    }

    public Optional<Touchpoint> touchpoint(long trackId, int number) {
        return jdbc.sql("select " + TOUCHPOINT + " from touchpoint where track_id = ? and sequence_no = ?")
                .params(trackId, number).query(this::touchpoint).optional();
    }

    public List<Touchpoint> touchpoints(long trackId) {
        return jdbc.sql("select " + TOUCHPOINT + " from touchpoint where track_id = ? order by sequence_no")
                .param(trackId).query(this::touchpoint).list();
    }

    void recordHeld(long touchpointId, LocalDate heldOn, String shared, String withWhom, String by, LocalDateTime at) {
        jdbc.sql("update touchpoint set status = ?, held_on = ?, shared = ?, with_whom = ?, recorded_by = ?, "
                        + "recorded_at = ? where id = ?")
                .params(TouchpointStatus.HELD.name(), heldOn, shared, withWhom, by, Timestamp.valueOf(at), touchpointId)
                .update();
    }

    void recordMissed(long trackId, int number) {
        jdbc.sql("update touchpoint set status = ? where track_id = ? and sequence_no = ? and status = ?")
                .params(TouchpointStatus.MISSED.name(), trackId, number, TouchpointStatus.OPEN.name())
                .update();
    }

    private Track track(ResultSet rs, int n) throws SQLException {
        return new Track(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("plan_row_id"),
                rs.getString("owner_username"), rs.getObject("opened_on", LocalDate.class), rs.getInt("first_step"),
                rs.getString("process_instance_id"), rs.getObject("closed_on", LocalDate.class));
    }

    private Touchpoint touchpoint(ResultSet rs, int n) throws SQLException {
        return new Touchpoint(rs.getLong("id"), rs.getLong("track_id"), rs.getInt("sequence_no"),
                rs.getObject("opens_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                TouchpointStatus.valueOf(rs.getString("status")), rs.getObject("held_on", LocalDate.class),
                rs.getString("shared"), rs.getString("with_whom"), rs.getString("recorded_by"));
    }
}
