package app.tandem.family;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The family_reply table: families' mails and the answers they got. */
@Repository
public class FamilyReplies {

    private static final String COLUMNS = "id, district_id, school_id, caregiver_id, student_id, family_message_id, "
            + "answered_reply_id, language, from_address, from_name, subject, body_text, received_at, "
            + "process_instance_id, answer_text, answered_by, answered_at, answer_outbox_id";

    private final JdbcClient jdbc;

    FamilyReplies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long add(FamilyReply reply) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into family_reply (district_id, school_id, caregiver_id, student_id, family_message_id, "
                        + "answered_reply_id, language, from_address, from_name, subject, body_text, received_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(reply.districtId(), reply.schoolId(), reply.caregiverId(), reply.studentId(),
                        reply.familyMessageId(), reply.answeredReplyId(), reply.language(), reply.fromAddress(),
                        reply.fromName(), reply.subject(), reply.text(), Timestamp.from(reply.receivedAt()))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void recordProcessInstance(long id, String processInstanceId) {
        jdbc.sql("update family_reply set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    public Optional<FamilyReply> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from family_reply where id = ?").param(id).query(this::reply)
                .optional();
    }

    public Optional<FamilyReply> ofProcess(String processInstanceId) {
        return jdbc.sql("select " + COLUMNS + " from family_reply where process_instance_id = ?")
                .param(processInstanceId).query(this::reply).optional();
    }

    /** The caregiver's earlier mails and answers about the same student (or about none), oldest first. */
    List<FamilyReply> thread(FamilyReply reply) {
        if (reply.caregiverId() == null) {
            return List.of(reply);
        }
        if (reply.studentId() == null) {
            return jdbc.sql("select " + COLUMNS + " from family_reply where caregiver_id = ? and id <= ? "
                            + "order by received_at, id")
                    .params(reply.caregiverId(), reply.id())
                    .query(this::reply)
                    .list();
        }
        return jdbc.sql("select " + COLUMNS + " from family_reply where caregiver_id = ? and id <= ? "
                        + "and (student_id = ? or student_id is null) order by received_at, id")
                .params(reply.caregiverId(), reply.id(), reply.studentId())
                .query(this::reply)
                .list();
    }

    /** @param language the language the answer is written in: the family's, or English */
    void recordAnswer(long id, String text, String language, String by, Instant at) {
        jdbc.sql("update family_reply set answer_text = ?, answer_language = ?, answered_by = ?, answered_at = ? "
                        + "where id = ?")
                .params(text, language, by, Timestamp.from(at), id)
                .update();
    }

    void recordAnswerQueued(long id, long outboxId) {
        jdbc.sql("update family_reply set answer_outbox_id = ? where id = ?").params(outboxId, id).update();
    }

    /** Whether anyone in the group works at the school, or (no school) in the district. */
    boolean anyoneIn(String group, Long schoolId, Long districtId) {
        String where = schoolId != null
                ? "exists (select 1 from staff_school ss where ss.username = s.username and ss.school_id = ?)"
                : "s.district_id = ?";
        return jdbc.sql("select count(*) from staff_member s where " + where + " and exists (select 1 from "
                        + "ACT_ID_MEMBERSHIP m where m.USER_ID_ = s.username and m.GROUP_ID_ = ?)")
                .params(schoolId != null ? schoolId : districtId, group)
                .query(Integer.class).single() > 0;
    }

    private FamilyReply reply(ResultSet rs, int row) throws SQLException {
        Timestamp answeredAt = rs.getTimestamp("answered_at");
        return new FamilyReply(rs.getLong("id"), rs.getObject("district_id", Long.class),
                rs.getObject("school_id", Long.class), rs.getObject("caregiver_id", Long.class),
                rs.getObject("student_id", Long.class), rs.getObject("family_message_id", Long.class),
                rs.getObject("answered_reply_id", Long.class), rs.getString("language"), rs.getString("from_address"),
                rs.getString("from_name"), rs.getString("subject"), rs.getString("body_text"),
                rs.getTimestamp("received_at").toInstant(), rs.getString("process_instance_id"),
                rs.getString("answer_text"), rs.getString("answered_by"),
                answeredAt == null ? null : answeredAt.toInstant(), rs.getObject("answer_outbox_id", Long.class));
    }
}
