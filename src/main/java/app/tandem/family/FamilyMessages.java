package app.tandem.family;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The family_message table: every message meant for a caregiver and what became of it. */
@Repository
public class FamilyMessages {

    private static final String COLUMNS = "id, school_id, term_id, caregiver_id, kind, student_id, update_id, "
            + "cycle_no, preferred_language, language, channel, status, withheld_reason, outbox_message_id, "
            + "delivered_at, delivered_on, recorded_by";

    private final JdbcClient jdbc;

    public FamilyMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new message to one caregiver, planned or withheld with its reason. */
    long plan(long schoolId, long termId, long caregiverId, FamilyMessageKind kind, Long studentId, Long updateId,
              Integer cycleNo, String preferredLanguage, WithheldReason withheld, String processInstanceId,
              Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into family_message (school_id, term_id, caregiver_id, kind, student_id, update_id, cycle_no, "
                        + "preferred_language, status, withheld_reason, process_instance_id, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(schoolId, termId, caregiverId, kind.name(), studentId, updateId, cycleNo, preferredLanguage,
                        (withheld == null ? FamilyMessageStatus.PLANNED : FamilyMessageStatus.WITHHELD).name(),
                        withheld == null ? null : withheld.name(), processInstanceId, Timestamp.from(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Whether the introduction was late: its caregiver's child enrolled after the program's introductions went out. */
    public boolean late(long messageId) {
        return jdbc.sql("select count(*) from family_message m join late_introduction l on l.term_id = m.term_id "
                        + "and l.caregiver_id = m.caregiver_id where m.id = ?").param(messageId)
                .query(Integer.class).single() > 0;
    }

    public Optional<FamilyMessage> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from family_message where id = ?").param(id).query(this::message)
                .optional();
    }

    public Optional<FamilyMessage> introduction(long termId, long caregiverId) {
        return jdbc.sql("select " + COLUMNS + " from family_message where term_id = ? and caregiver_id = ? and kind = ?")
                .params(termId, caregiverId, FamilyMessageKind.INTRODUCTION.name())
                .query(this::message)
                .optional();
    }

    public List<FamilyMessage> ofUpdate(long updateId) {
        return jdbc.sql("select " + COLUMNS + " from family_message where update_id = ? order by id")
                .param(updateId)
                .query(this::message)
                .list();
    }

    /** The messages of an update that are to be sent: the caregivers who may hear about the student. */
    public List<Long> toSend(long updateId) {
        return jdbc.sql("select id from family_message where update_id = ? and status <> ? order by id")
                .params(updateId, FamilyMessageStatus.WITHHELD.name())
                .query(Long.class)
                .list();
    }

    public List<FamilyMessage> ofTerm(long termId) {
        return jdbc.sql("select " + COLUMNS + " from family_message where term_id = ? order by id")
                .param(termId)
                .query(this::message)
                .list();
    }

    public Optional<Long> idByOutboxMessage(long outboxMessageId) {
        return jdbc.sql("select id from family_message where outbox_message_id = ?")
                .param(outboxMessageId)
                .query(Long.class)
                .optional();
    }

    void markQueued(long id, String language, long outboxMessageId) {
        jdbc.sql("update family_message set status = ?, channel = ?, language = ?, outbox_message_id = ? "
                        + "where id = ? and status in (?, ?)")
                .params(FamilyMessageStatus.QUEUED.name(), Channel.EMAIL.name(), language, outboxMessageId, id,
                        FamilyMessageStatus.PLANNED.name(), FamilyMessageStatus.QUEUED.name())
                .update();
    }

    /**
     * A queued email withheld because its address unsubscribed, back on its way to be reached another way.
     *
     * @return whether the message was queued (and so is now planned again)
     */
    boolean markToReachInstead(long id) {
        return jdbc.sql("update family_message set status = ?, channel = null where id = ? and status = ?")
                .params(FamilyMessageStatus.PLANNED.name(), id, FamilyMessageStatus.QUEUED.name())
                .update() > 0;
    }

    /** @return whether this call recorded it (false when it was already delivered) */
    boolean markDelivered(long id, Channel channel, String language, Instant at, LocalDate on, String recordedBy) {
        return jdbc.sql("update family_message set status = ?, channel = ?, language = ?, delivered_at = ?, "
                        + "delivered_on = ?, recorded_by = ? where id = ? and status <> ?")
                .params(FamilyMessageStatus.DELIVERED.name(), channel.name(), language, Timestamp.from(at), on,
                        recordedBy, id, FamilyMessageStatus.DELIVERED.name())
                .update() > 0;
    }

    void markNotReached(long id, Channel channel, String recordedBy) {
        jdbc.sql("update family_message set status = ?, channel = coalesce(?, channel), recorded_by = ? "
                        + "where id = ? and status <> ?")
                .params(FamilyMessageStatus.NOT_REACHED.name(), channel == null ? null : channel.name(), recordedBy,
                        id, FamilyMessageStatus.DELIVERED.name())
                .update();
    }

    private FamilyMessage message(ResultSet rs, int row) throws SQLException {
        String channel = rs.getString("channel");
        String withheld = rs.getString("withheld_reason");
        Timestamp deliveredAt = rs.getTimestamp("delivered_at");
        return new FamilyMessage(rs.getLong("id"), rs.getLong("school_id"), rs.getLong("term_id"),
                rs.getLong("caregiver_id"), FamilyMessageKind.valueOf(rs.getString("kind")),
                (Long) nullable(rs, "student_id"), (Long) nullable(rs, "update_id"),
                (Integer) nullableInt(rs, "cycle_no"), rs.getString("preferred_language"), rs.getString("language"),
                channel == null ? null : Channel.valueOf(channel), FamilyMessageStatus.valueOf(rs.getString("status")),
                withheld == null ? null : WithheldReason.valueOf(withheld), (Long) nullable(rs, "outbox_message_id"),
                deliveredAt == null ? null : deliveredAt.toInstant(), rs.getObject("delivered_on", LocalDate.class),
                rs.getString("recorded_by"));
    }

    private static Object nullable(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Object nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
