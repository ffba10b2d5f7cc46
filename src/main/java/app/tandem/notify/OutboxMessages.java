package app.tandem.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The outbox table. */
@Repository
class OutboxMessages {

    private static final String COLUMNS = "id, idempotency_key, kind, recipient_username, recipient_name, "
            + "recipient_address, language, subject, body_text, body_html, attachment_name, attachment_type, "
            + "attachment, status, attempts, last_error, created_at, last_attempt_at, sent_at, process_instance_id";

    private final JdbcClient jdbc;

    OutboxMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> idByKey(String idempotencyKey) {
        return jdbc.sql("select id from outbox_message where idempotency_key = ?")
                .param(idempotencyKey)
                .query(Long.class)
                .optional();
    }

    long insert(OutgoingMessage message, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        OutgoingMessage.Attachment attachment = message.attachment();
        jdbc.sql("insert into outbox_message (idempotency_key, kind, recipient_username, recipient_name, "
                        + "recipient_address, language, subject, body_text, body_html, attachment_name, "
                        + "attachment_type, attachment, status, attempts, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)")
                .params(message.idempotencyKey(), message.kind().name(), message.recipient().username(),
                        message.recipient().name(), message.recipient().address(), message.recipient().language(),
                        message.subject(), message.text(), message.html(),
                        attachment == null ? null : attachment.fileName(),
                        attachment == null ? null : attachment.contentType(),
                        attachment == null ? null : attachment.content(),
                        OutboxStatus.QUEUED.name(), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void recordProcessInstance(long id, String processInstanceId) {
        jdbc.sql("update outbox_message set process_instance_id = ? where id = ?")
                .params(processInstanceId, id)
                .update();
    }

    Optional<OutboxMessage> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from outbox_message where id = ?")
                .param(id)
                .query(this::message)
                .optional();
    }

    /**
     * Reads the row under a row lock held until the sending transaction ends: a second dispatch of the
     * same row waits here, then finds it sent.
     */
    Optional<OutboxMessage> lockForSending(long id) {
        return jdbc.sql("select " + COLUMNS + " from outbox_message where id = ? for update")
                .param(id)
                .query(this::message)
                .optional();
    }

    void markSent(long id, Instant now, String messageId) {
        jdbc.sql("update outbox_message set status = ?, attempts = attempts + 1, last_attempt_at = ?, sent_at = ?, "
                        + "last_error = null, message_id = ? where id = ?")
                .params(OutboxStatus.SENT.name(), Timestamp.from(now), Timestamp.from(now), messageId, id)
                .update();
    }

    void markWithheld(long id, Instant now, String reason) {
        jdbc.sql("update outbox_message set status = ?, last_attempt_at = ?, last_error = ? where id = ?")
                .params(OutboxStatus.WITHHELD.name(), Timestamp.from(now), reason, id)
                .update();
    }

    /** The message sent with this Message-ID (as a reply's In-Reply-To names it). */
    Optional<Long> idByMessageId(String messageId) {
        return jdbc.sql("select id from outbox_message where message_id = ? order by id fetch first 1 rows only")
                .param(messageId)
                .query(Long.class)
                .optional();
    }

    void markRefused(long id, Instant now, String reason) {
        jdbc.sql("update outbox_message set status = ?, attempts = attempts + 1, last_attempt_at = ?, "
                        + "last_error = ? where id = ?")
                .params(OutboxStatus.REFUSED.name(), Timestamp.from(now), reason, id)
                .update();
    }

    void recordTemporaryFailure(long id, Instant now, String reason) {
        jdbc.sql("update outbox_message set status = ?, attempts = attempts + 1, last_attempt_at = ?, "
                        + "last_error = ? where id = ? and status in (?, ?)")
                .params(OutboxStatus.RETRYING.name(), Timestamp.from(now), reason, id,
                        OutboxStatus.QUEUED.name(), OutboxStatus.RETRYING.name())
                .update();
    }

    /** A refused message goes back to the queue, to a corrected address when one is given. */
    void requeue(long id, String correctedAddress) {
        jdbc.sql("update outbox_message set recipient_address = coalesce(?, recipient_address), status = ? "
                        + "where id = ? and status = ?")
                .params(correctedAddress, OutboxStatus.QUEUED.name(), id, OutboxStatus.REFUSED.name())
                .update();
    }

    void markDropped(long id) {
        jdbc.sql("update outbox_message set status = ? where id = ? and status = ?")
                .params(OutboxStatus.DROPPED.name(), id, OutboxStatus.REFUSED.name())
                .update();
    }

    /** The newest messages first, optionally of one status, kind or recipient (part of name or address). */
    List<OutboxMessage> search(OutboxStatus status, MessageKind kind, String recipient, List<String> processInstanceIds,
                               int limit) {
        return search(status, kind, recipient, processInstanceIds, 0, limit);
    }

    /** Newest first, skipping {@code offset} rows; no rows when the filter names no process instance. */
    List<OutboxMessage> search(OutboxStatus status, MessageKind kind, String recipient, List<String> processInstanceIds,
                               long offset, int limit) {
        if (processInstanceIds != null && processInstanceIds.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        String where = where(status, kind, recipient, processInstanceIds, params);
        return jdbc.sql("select " + COLUMNS + " from outbox_message where " + where + " order by id desc offset "
                        + Math.max(0, offset) + " rows fetch first " + Math.max(1, limit) + " rows only")
                .params(params).query(this::message).list();
    }

    long count(OutboxStatus status, MessageKind kind, String recipient, List<String> processInstanceIds) {
        if (processInstanceIds != null && processInstanceIds.isEmpty()) {
            return 0;
        }
        List<Object> params = new ArrayList<>();
        String where = where(status, kind, recipient, processInstanceIds, params);
        return jdbc.sql("select count(*) from outbox_message where " + where).params(params).query(Long.class)
                .single();
    }

    private static String where(OutboxStatus status, MessageKind kind, String recipient,
                                List<String> processInstanceIds, List<Object> params) {
        StringBuilder sql = new StringBuilder("1 = 1");
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status.name());
        }
        if (kind != null) {
            sql.append(" and kind = ?");
            params.add(kind.name());
        }
        if (recipient != null && !recipient.isBlank()) {
            sql.append(" and (lower(recipient_name) like ? or lower(recipient_address) like ? "
                    + "or lower(recipient_username) like ?)");
            String like = "%" + recipient.strip().toLowerCase(java.util.Locale.ROOT)
                    .replace("\\", "").replace("%", "").replace("_", "") + "%";
            params.add(like);
            params.add(like);
            params.add(like);
        }
        if (processInstanceIds != null) {
            sql.append(" and process_instance_id in (");
            for (int i = 0; i < processInstanceIds.size(); i++) {
                sql.append(i == 0 ? "?" : ", ?");
                params.add(processInstanceIds.get(i));
            }
            sql.append(")");
        }
        return sql.toString();
    }

    List<OutboxMessage> ofRecipient(String username) {
        return jdbc.sql("select " + COLUMNS + " from outbox_message where recipient_username = ? order by id")
                .param(username)
                .query(this::message)
                .list();
    }

    List<OutboxMessage> withKeyPrefix(String prefix) {
        return jdbc.sql("select " + COLUMNS + " from outbox_message where idempotency_key like ? order by id")
                .param(prefix.replace("%", "") + "%")
                .query(this::message)
                .list();
    }

    private OutboxMessage message(ResultSet rs, int row) throws SQLException {
        return new OutboxMessage(rs.getLong("id"), rs.getString("idempotency_key"),
                MessageKind.valueOf(rs.getString("kind")), rs.getString("recipient_username"),
                rs.getString("recipient_name"), rs.getString("recipient_address"), rs.getString("language"),
                rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"),
                rs.getString("attachment_name"), rs.getString("attachment_type"), rs.getString("attachment"),
                OutboxStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
                instant(rs, "created_at"), instant(rs, "last_attempt_at"), instant(rs, "sent_at"),
                rs.getString("process_instance_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
