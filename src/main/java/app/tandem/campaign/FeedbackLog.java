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

/** Stakeholders' feedback and the answers that went back to them ("you said, we did"). */
@Repository
public class FeedbackLog {

    private static final String COLUMNS = "id, campaign_id, touchpoint_id, contact_id, said, heard_on, owner_username, "
            + "due_on, answer, answered_on, answered_by, answer_message_id, process_instance_id";

    private final JdbcClient jdbc;

    FeedbackLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long record(long campaignId, Long touchpointId, long contactId, String said, LocalDate heardOn, String owner,
                LocalDate dueOn, LocalDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into campaign_feedback (campaign_id, touchpoint_id, contact_id, said, heard_on, owner_username, "
                        + "due_on, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(campaignId, touchpointId, contactId, said, heardOn, owner, dueOn, Timestamp.valueOf(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<Feedback> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from campaign_feedback where id = ?")
                .param(id).query(this::feedback).optional();
    }

    public Optional<Feedback> byProcessInstance(String processInstanceId) {
        return jdbc.sql("select " + COLUMNS + " from campaign_feedback where process_instance_id = ?")
                .param(processInstanceId).query(this::feedback).optional();
    }

    public List<Feedback> ofCampaign(long campaignId) {
        return jdbc.sql("select " + COLUMNS + " from campaign_feedback where campaign_id = ? order by due_on, id")
                .param(campaignId).query(this::feedback).list();
    }

    public List<Feedback> openOf(String owner) {
        return jdbc.sql("select " + COLUMNS + " from campaign_feedback where owner_username = ? and answered_on is null "
                        + "order by due_on, id")
                .param(owner).query(this::feedback).list();
    }

    void recordProcessInstance(long id, String processInstanceId) {
        jdbc.sql("update campaign_feedback set process_instance_id = ? where id = ?").params(processInstanceId, id)
                .update();
    }

    void recordAnswer(long id, String answer, LocalDate answeredOn, String by) {
        jdbc.sql("update campaign_feedback set answer = ?, answered_on = ?, answered_by = ? where id = ?")
                .params(answer, answeredOn, by, id).update();
    }

    void recordAnswerMessage(long id, long messageId) {
        jdbc.sql("update campaign_feedback set answer_message_id = ? where id = ?").params(messageId, id).update();
    }

    int moveOwner(long campaignId, String from, String to) {
        return jdbc.sql("update campaign_feedback set owner_username = ? where campaign_id = ? and owner_username = ? "
                        + "and answered_on is null")
                .params(to, campaignId, from).update();
    }

    private Feedback feedback(ResultSet rs, int n) throws SQLException {
        return new Feedback(rs.getLong("id"), rs.getLong("campaign_id"), rs.getObject("touchpoint_id", Long.class),
                rs.getLong("contact_id"), rs.getString("said"), rs.getObject("heard_on", LocalDate.class),
                rs.getString("owner_username"), rs.getObject("due_on", LocalDate.class), rs.getString("answer"),
                rs.getObject("answered_on", LocalDate.class), rs.getString("answered_by"),
                rs.getObject("answer_message_id", Long.class), rs.getString("process_instance_id"));
    }
}
