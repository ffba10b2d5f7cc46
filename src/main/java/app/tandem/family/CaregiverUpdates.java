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

/** Progress updates (one per student, term and cycle) and the translations of family messages. */
@Repository
public class CaregiverUpdates {

    /** A progress update's row: whose, which cycle, and what the coordinator drafted. */
    public record Update(long id, long schoolId, long termId, long studentId, int cycleNo, UpdateDraft draft,
                         String draftedBy, String reviewedBy) {
    }

    private final JdbcClient jdbc;

    public CaregiverUpdates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the new update's id, or empty when the student already has one for that cycle */
    Optional<Long> create(long schoolId, long termId, long studentId, int cycleNo, Instant now) {
        if (find(studentId, termId, cycleNo).isPresent()) {
            return Optional.empty();
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into caregiver_update (school_id, term_id, student_id, cycle_no, created_at) "
                        + "values (?, ?, ?, ?, ?)")
                .params(schoolId, termId, studentId, cycleNo, Timestamp.from(now))
                .update(keys, "id");
        return Optional.of(keys.getKeyAs(Number.class).longValue());
    }

    void recordProcessInstance(long updateId, String processInstanceId) {
        jdbc.sql("update caregiver_update set process_instance_id = ? where id = ?")
                .params(processInstanceId, updateId)
                .update();
    }

    public Optional<Update> find(long studentId, long termId, int cycleNo) {
        return jdbc.sql("select * from caregiver_update where student_id = ? and term_id = ? and cycle_no = ?")
                .params(studentId, termId, cycleNo)
                .query(this::updateRow)
                .optional();
    }

    public Optional<Update> find(long id) {
        return jdbc.sql("select * from caregiver_update where id = ?").param(id).query(this::updateRow).optional();
    }

    public List<Update> ofTerm(long termId) {
        return jdbc.sql("select * from caregiver_update where term_id = ? order by student_id, cycle_no")
                .param(termId)
                .query(this::updateRow)
                .list();
    }

    void recordDraft(long updateId, UpdateDraft draft, String draftedBy, Instant now) {
        jdbc.sql("update caregiver_update set subject = ?, standing = ?, at_home = ?, win = ?, sessions_attended = ?, "
                        + "drafted_by = ?, drafted_at = ? where id = ?")
                .params(draft.subject(), draft.standing(), draft.atHome(), draft.win(), draft.sessionsAttended(),
                        draftedBy, Timestamp.from(now), updateId)
                .update();
    }

    void recordReview(long updateId, UpdateDraft draft, String reviewedBy, Instant now) {
        jdbc.sql("update caregiver_update set subject = ?, standing = ?, at_home = ?, win = ?, sessions_attended = ?, "
                        + "reviewed_by = ?, reviewed_at = ? where id = ?")
                .params(draft.subject(), draft.standing(), draft.atHome(), draft.win(), draft.sessionsAttended(),
                        reviewedBy, Timestamp.from(now), updateId)
                .update();
    }

    long planTranslation(Long updateId, Long familyMessageId, String language) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into family_translation (update_id, family_message_id, language, status) values (?, ?, ?, ?)")
                .params(updateId, familyMessageId, language, TranslationStatus.WAITING.name())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<Translation> translation(long id) {
        return jdbc.sql("select * from family_translation where id = ?").param(id).query(this::translationRow).optional();
    }

    public List<Long> translationsOfUpdate(long updateId) {
        return jdbc.sql("select id from family_translation where update_id = ? order by id")
                .param(updateId)
                .query(Long.class)
                .list();
    }

    /** The translation that a message in the given language would use, if any. */
    public Optional<Translation> translationFor(FamilyMessage message, String language) {
        if (message.updateId() != null) {
            return jdbc.sql("select * from family_translation where update_id = ? and language = ? order by id")
                    .params(message.updateId(), language)
                    .query(this::translationRow)
                    .list().stream().findFirst();
        }
        return jdbc.sql("select * from family_translation where family_message_id = ? and language = ? order by id")
                .params(message.id(), language)
                .query(this::translationRow)
                .list().stream().findFirst();
    }

    void recordTranslation(long id, TranslationStatus status, String text, String translatedBy, Instant now) {
        jdbc.sql("update family_translation set status = ?, translated_text = ?, translated_by = ?, translated_at = ? "
                        + "where id = ?")
                .params(status.name(), text, translatedBy, Timestamp.from(now), id)
                .update();
    }

    private Update updateRow(ResultSet rs, int row) throws SQLException {
        String subject = rs.getString("subject");
        UpdateDraft draft = subject == null ? null : new UpdateDraft(subject, rs.getString("standing"),
                rs.getString("at_home"), rs.getString("win"), rs.getInt("sessions_attended"));
        return new Update(rs.getLong("id"), rs.getLong("school_id"), rs.getLong("term_id"), rs.getLong("student_id"),
                rs.getInt("cycle_no"), draft, rs.getString("drafted_by"), rs.getString("reviewed_by"));
    }

    private Translation translationRow(ResultSet rs, int row) throws SQLException {
        long updateId = rs.getLong("update_id");
        Long update = rs.wasNull() ? null : updateId;
        long messageId = rs.getLong("family_message_id");
        Long message = rs.wasNull() ? null : messageId;
        return new Translation(rs.getLong("id"), update, message, rs.getString("language"),
                TranslationStatus.valueOf(rs.getString("status")), rs.getString("translated_text"),
                rs.getString("translated_by"));
    }
}
