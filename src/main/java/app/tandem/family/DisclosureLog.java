package app.tandem.family;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every message about a student, written when it reached (or was handed to) the caregiver, with a copy of what
 * was sent: the mail as mailed, or the letter read out or sent home as it stood then (never re-rendered from
 * today's data). It lives in Tandem's tables, so it outlives Camunda's history.
 */
@Repository
public class DisclosureLog {

    private static final String SELECT = "select d.id, d.student_id, s.full_name as student_name, d.caregiver_id, "
            + "c.full_name as caregiver_name, d.kind, d.cycle_no, d.channel, d.language, d.disclosed_at, "
            + "d.family_message_id, d.family_reply_id, d.recorded_by, d.school_id from disclosure_log d join student s on s.id = d.student_id "
            + "join caregiver c on c.id = d.caregiver_id ";

    private final JdbcClient jdbc;

    public DisclosureLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What was sent, as it was sent: a family keeps a right to see it, whatever changed since. */
    public record Copy(String subject, String text, String sha256) {

        static Copy of(String subject, String text) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256")
                        .digest((subject + "\n\n" + text).getBytes(StandardCharsets.UTF_8));
                return new Copy(subject, text, HexFormat.of().formatHex(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    void record(FamilyMessage message, long studentId, Channel channel, String language, Instant at, String recordedBy,
                Copy copy) {
        int exists = jdbc.sql("select count(*) from disclosure_log where family_message_id = ? and student_id = ?")
                .params(message.id(), studentId)
                .query(Integer.class)
                .single();
        if (exists > 0) {
            return;
        }
        jdbc.sql("insert into disclosure_log (student_id, caregiver_id, school_id, kind, cycle_no, channel, language, "
                        + "disclosed_at, family_message_id, recorded_by, subject, body_text, body_sha256) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(studentId, message.caregiverId(), message.schoolId(), message.kind().name(), message.cycleNo(),
                        channel.name(), language, Timestamp.from(at), message.id(), recordedBy, copy.subject(),
                        copy.text(), copy.sha256())
                .update();
    }

    /** A liaison's answer to a family's mail, as a disclosure about the student it concerns. */
    void recordAnswer(FamilyReply reply, long studentId, Instant at, Copy copy) {
        int exists = jdbc.sql("select count(*) from disclosure_log where family_reply_id = ? and student_id = ?")
                .params(reply.id(), studentId)
                .query(Integer.class)
                .single();
        if (exists > 0) {
            return;
        }
        jdbc.sql("insert into disclosure_log (student_id, caregiver_id, school_id, kind, channel, language, "
                        + "disclosed_at, family_reply_id, recorded_by, subject, body_text, body_sha256) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(studentId, reply.caregiverId(), reply.schoolId(), FamilyMessageKind.ANSWER.name(),
                        Channel.EMAIL.name(), reply.language(), Timestamp.from(at), reply.id(), reply.answeredBy(),
                        copy.subject(), copy.text(), copy.sha256())
                .update();
    }

    public List<Disclosure> ofStudent(long studentId) {
        return jdbc.sql(SELECT + "where d.student_id = ? order by d.disclosed_at desc, d.id desc")
                .param(studentId)
                .query(this::disclosure)
                .list();
    }

    public Optional<Disclosure> find(long id) {
        return jdbc.sql(SELECT + "where d.id = ?").param(id).query(this::disclosure).optional();
    }

    /** The stored copy of what was sent; empty for lines logged before Tandem kept copies. */
    public Optional<Copy> copyOf(long id) {
        return jdbc.sql("select subject, body_text, body_sha256 from disclosure_log where id = ? and body_text is not null")
                .param(id)
                .query((rs, n) -> new Copy(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /** The lines about students of these schools whose name or district id contains the search, newest first. */
    public List<Disclosure> search(List<Long> schoolIds, String student, int limit) {
        if (schoolIds.isEmpty()) {
            return List.of();
        }
        String like = "%" + student.strip().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "").replace("%", "").replace("_", "") + "%";
        return jdbc.sql(SELECT + "where d.school_id in (:schools) and (lower(s.full_name) like :like "
                        + "or lower(s.student_number) like :like) order by d.disclosed_at desc, d.id desc "
                        + "fetch first " + Math.max(1, limit) + " rows only")
                .param("schools", schoolIds)
                .param("like", like)
                .query(this::disclosure)
                .list();
    }

    public List<Disclosure> ofSchools(List<Long> schoolIds, int limit) {
        if (schoolIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + "where d.school_id in (:schools) order by d.disclosed_at desc, d.id desc "
                        + "fetch first " + Math.max(1, limit) + " rows only")
                .param("schools", schoolIds)
                .query(this::disclosure)
                .list();
    }

    private Disclosure disclosure(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        int cycle = rs.getInt("cycle_no");
        Integer cycleNo = rs.wasNull() ? null : cycle;
        return new Disclosure(rs.getLong("id"), rs.getLong("student_id"), rs.getString("student_name"),
                rs.getLong("caregiver_id"), rs.getString("caregiver_name"),
                FamilyMessageKind.valueOf(rs.getString("kind")), cycleNo, Channel.valueOf(rs.getString("channel")),
                rs.getString("language"), rs.getTimestamp("disclosed_at").toInstant(), rs.getObject("family_message_id", Long.class),
                rs.getObject("family_reply_id", Long.class), rs.getString("recorded_by"), rs.getLong("school_id"));
    }
}
