package app.tandem.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;
import java.sql.DatabaseMetaData;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The outbox table. */
@Repository
class OutboxMessages {

    private static final String COLUMNS = "id, idempotency_key, kind, recipient_username, recipient_name, "
            + "recipient_address, language, subject, body_text, body_html, attachment_name, attachment_type, "
            + "attachment, status, attempts, last_error, created_at, last_attempt_at, sent_at, process_instance_id, "
            + "next_attempt_at, failures";
    private static final String INSERT = "insert into outbox_message (idempotency_key, kind, recipient_username, "
            + "recipient_name, recipient_address, language, subject, body_text, body_html, attachment_name, "
            + "attachment_type, attachment, status, attempts, created_at, next_attempt_at) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)";
    /** Rows with work to do whose lease (if any) ran out: a node's claim. */
    private static final String CLAIMABLE = "next_attempt_at <= ? and (claimed_until is null or claimed_until < ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final boolean skipLocked;

    OutboxMessages(JdbcClient jdbc, JdbcTemplate batch, DataSource dataSource) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.skipLocked = productName(dataSource).toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }

    private static String productName(DataSource dataSource) {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("The database does not say what it is", e);
        }
    }

    Optional<Long> idByKey(String idempotencyKey) {
        return jdbc.sql("select id from outbox_message where idempotency_key = ?")
                .param(idempotencyKey)
                .query(Long.class)
                .optional();
    }

    long insert(OutgoingMessage message, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(INSERT).params(values(message, now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Many rows in JDBC batches; the caller leaves out keys already there. */
    void insertAll(List<OutgoingMessage> all, Instant now) {
        List<Object[]> rows = all.stream().map(message -> values(message, now).toArray()).toList();
        for (int from = 0; from < rows.size(); from += 500) {
            batch.batchUpdate(INSERT, rows.subList(from, Math.min(rows.size(), from + 500)));
        }
    }

    private static List<Object> values(OutgoingMessage message, Instant now) {
        OutgoingMessage.Attachment attachment = message.attachment();
        return java.util.Arrays.asList(message.idempotencyKey(), message.kind().name(), message.recipient().username(),
                message.recipient().name(), message.recipient().address(), message.recipient().language(),
                message.subject(), message.text(), message.html(),
                attachment == null ? null : attachment.fileName(),
                attachment == null ? null : attachment.contentType(),
                attachment == null ? null : attachment.content(),
                OutboxStatus.QUEUED.name(), Timestamp.from(now), Timestamp.from(now));
    }

    /** The ids of the rows with these keys (some may be missing), by key. */
    java.util.Map<String, Long> idsByKeys(List<String> keys) {
        java.util.Map<String, Long> ids = new java.util.HashMap<>();
        for (int from = 0; from < keys.size(); from += 500) {
            jdbc.sql("select id, idempotency_key from outbox_message where idempotency_key in (:keys)")
                    .param("keys", keys.subList(from, Math.min(keys.size(), from + 500)))
                    .query((rs, row) -> ids.put(rs.getString(2), rs.getLong(1)))
                    .list();
        }
        return ids;
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
     * Takes up to {@code limit} rows with work due for one claim ({@code claim} names the node and is new each time):
     * a conditional update that re-checks each row under its lock (H2 and PostgreSQL both do), so no two claims get
     * the same row. PostgreSQL passes over rows another node is claiming at that moment instead of waiting for them.
     */
    List<OutboxMessage> claim(String claim, Instant now, Instant until, int limit) {
        String candidates = "select id from outbox_message where " + CLAIMABLE + " order by next_attempt_at, id "
                + "fetch first " + Math.max(1, limit) + " rows only";
        int claimed;
        if (skipLocked) {
            // PostgreSQL: the rows are locked by the select itself, skipping those another claim holds, and the
            // update touches only them (an update with the same select in its where clause waited on the other
            // claims' rows).
            claimed = jdbc.sql("with due as (" + candidates + " for update skip locked) update outbox_message set "
                            + "claimed_by = ?, claimed_until = ? where id in (select id from due)")
                    .params(Timestamp.from(now), Timestamp.from(now), claim, Timestamp.from(until))
                    .update();
        } else {
            // H2 (one node): the node's threads claim one after the other, instead of waiting on each other's rows
            // until H2's lock timeout when the machine is busy. The candidates first, then an update by their ids:
            // an update with the select in its where clause read every due row of the table for each claim
            // (profiled: 95 % of a 5,000-reminder burst's sending time on H2).
            synchronized (this) {
                List<Long> ids = jdbc.sql(candidates).params(Timestamp.from(now), Timestamp.from(now))
                        .query(Long.class).list();
                if (ids.isEmpty()) {
                    return List.of();
                }
                claimed = jdbc.sql("update outbox_message set claimed_by = :claim, claimed_until = :until where "
                                + "next_attempt_at <= :now and (claimed_until is null or claimed_until < :now) "
                                + "and id in (:ids)")
                        .param("claim", claim).param("until", Timestamp.from(until)).param("now", Timestamp.from(now))
                        .param("ids", ids)
                        .update();
            }
        }
        return claimed == 0 ? List.of() : claimedBy(claim);
    }

    /** Whether any row's work is due and free (a claim that got none lost a race for them to another thread). */
    boolean anyClaimable(Instant now) {
        return jdbc.sql("select count(*) from (select id from outbox_message where " + CLAIMABLE
                        + " fetch first 1 rows only) due")
                .params(Timestamp.from(now), Timestamp.from(now))
                .query(Integer.class).single() > 0;
    }

    /** Takes this one row if its work is due and no one holds it. */
    List<OutboxMessage> claimOne(long id, String claim, Instant now, Instant until) {
        int claimed = jdbc.sql("update outbox_message set claimed_by = ?, claimed_until = ? where id = ? and " + CLAIMABLE)
                .params(claim, Timestamp.from(until), id, Timestamp.from(now), Timestamp.from(now))
                .update();
        return claimed == 0 ? List.of() : claimedBy(claim);
    }

    private List<OutboxMessage> claimedBy(String claim) {
        return jdbc.sql("select " + COLUMNS + " from outbox_message where claimed_by = ? order by id")
                .param(claim)
                .query(this::message)
                .list();
    }

    /** A longer lease for the rows of a claim still held; @return the ids still held */
    List<Long> renew(String claim, Instant until) {
        jdbc.sql("update outbox_message set claimed_until = ? where claimed_by = ?")
                .params(Timestamp.from(until), claim)
                .update();
        return jdbc.sql("select id from outbox_message where claimed_by = ?").param(claim).query(Long.class).list();
    }

    /** The rows of a claim not handled (the node stops): free for any node at once. */
    void release(String claim) {
        jdbc.sql("update outbox_message set claimed_by = null, claimed_until = null where claimed_by = ?")
                .param(claim)
                .update();
    }

    /**
     * Until the features are told ({@link #recorded}), the row keeps the end of the claim's lease as its next attempt:
     * if the node dies before telling them, another node tells them after the lease (it never sends a sent row).
     *
     * @return whether the row was still this claim's (else another node took it after the lease and sends it)
     */
    boolean markSent(long id, String claim, String node, Instant now, String messageId) {
        return jdbc.sql("update outbox_message set status = ?, attempts = attempts + 1, last_attempt_at = ?, "
                        + "sent_at = ?, last_error = null, message_id = ?, failures = 0, record_pending = true, "
                        + "next_attempt_at = claimed_until, sent_by = ?, claimed_by = null, claimed_until = null "
                        + "where id = ? and claimed_by = ?")
                .params(OutboxStatus.SENT.name(), Timestamp.from(now), Timestamp.from(now), messageId, node, id, claim)
                .update() == 1;
    }

    /** The server refused the end of a message marked sent just before it: the row waits as it did, claimed still. */
    void notAcceptedAfterAll(long id, OutboxStatus was, String claim) {
        jdbc.sql("update outbox_message set status = ?, attempts = attempts - 1, sent_at = null, sent_by = null, "
                        + "message_id = null, record_pending = false, claimed_by = ? where id = ? and status = ?")
                .params(was.name(), claim, id, OutboxStatus.SENT.name())
                .update();
    }

    /** Telling the features about a sent message failed: tried again at {@code next}. */
    void recordPending(long id, Instant next) {
        jdbc.sql("update outbox_message set record_pending = ?, next_attempt_at = ?, claimed_by = null, "
                        + "claimed_until = null where id = ?")
                .params(true, Timestamp.from(next), id)
                .update();
    }

    void recorded(long id) {
        recorded(List.of(id));
    }

    /** The features were told about these rows' delivery (or there was nothing to tell): no more work on them. */
    void recorded(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("update outbox_message set record_pending = false, next_attempt_at = null, claimed_by = null, "
                        + "claimed_until = null where id in (:ids)")
                .param("ids", ids)
                .update();
    }

    void markWithheld(long id, Instant now, String reason) {
        jdbc.sql("update outbox_message set status = ?, last_attempt_at = ?, last_error = ?, next_attempt_at = null, "
                        + "claimed_by = null, claimed_until = null where id = ?")
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
                        + "last_error = ?, next_attempt_at = null, claimed_by = null, claimed_until = null where id = ?")
                .params(OutboxStatus.REFUSED.name(), Timestamp.from(now), reason, id)
                .update();
    }

    /** Waits for {@code next}, or (null) for a person: its retries ran out. */
    void recordTemporaryFailure(long id, Instant now, String reason, Instant next) {
        jdbc.sql("update outbox_message set status = ?, attempts = attempts + 1, failures = failures + 1, "
                        + "last_attempt_at = ?, last_error = ?, next_attempt_at = ?, claimed_by = null, "
                        + "claimed_until = null where id = ? and status in (?, ?)")
                .params(OutboxStatus.RETRYING.name(), Timestamp.from(now), reason,
                        next == null ? null : Timestamp.from(next), id,
                        OutboxStatus.QUEUED.name(), OutboxStatus.RETRYING.name())
                .update();
    }

    /** A waiting message is tried at {@code at}, {@code failuresSoFar} counting towards its retries. */
    boolean bringForward(long id, Instant at, int failuresSoFar) {
        return jdbc.sql("update outbox_message set next_attempt_at = ?, failures = ? where id = ? and status in (?, ?)")
                .params(Timestamp.from(at), failuresSoFar, id, OutboxStatus.QUEUED.name(), OutboxStatus.RETRYING.name())
                .update() == 1;
    }

    /** A refused message goes back to the queue, to a corrected address when one is given. */
    void requeue(long id, String correctedAddress, Instant now) {
        jdbc.sql("update outbox_message set recipient_address = coalesce(?, recipient_address), status = ?, "
                        + "failures = 0, next_attempt_at = ? where id = ? and status = ?")
                .params(correctedAddress, OutboxStatus.QUEUED.name(), Timestamp.from(now), id,
                        OutboxStatus.REFUSED.name())
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
                rs.getString("process_instance_id"), instant(rs, "next_attempt_at"), rs.getInt("failures"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
