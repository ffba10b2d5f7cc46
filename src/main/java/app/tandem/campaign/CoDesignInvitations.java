package app.tandem.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Co-design sessions, the invitations to them and the answers that came back. */
@Repository
public class CoDesignInvitations {

    private static final String INVITATION = "id, session_id, staff_username, contact_id, invitee_name, invitee_email, "
            + "language_tag, expires_at, answer, answered_at, message_id";

    /** What an answer did: recorded a first answer, changed an earlier one, or nothing (the same answer again). */
    public enum Outcome {
        RECORDED, CHANGED, UNCHANGED
    }

    /** How many invitees said yes, said no, or have not answered yet. */
    public record Tally(int yes, int no, int waiting) {
    }

    private final JdbcClient jdbc;

    CoDesignInvitations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long addSession(long campaignId, LocalDate sessionOn, String place, String note, List<String> groups, String by,
                    LocalDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into co_design_session (campaign_id, session_on, place, invitation_note, invited_groups, "
                        + "created_by, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(campaignId, sessionOn, place, note, String.join(",", groups), by, Timestamp.valueOf(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    long invite(long sessionId, String staffUsername, Long contactId, String name, String email, String language,
                LocalDateTime expiresAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into co_design_invitation (session_id, staff_username, contact_id, invitee_name, invitee_email, "
                        + "language_tag, expires_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(sessionId, staffUsername, contactId, name, email, language, Timestamp.valueOf(expiresAt))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void recordMessage(long invitationId, long messageId) {
        jdbc.sql("update co_design_invitation set message_id = ? where id = ?").params(messageId, invitationId).update();
    }

    /** Keeps one answer per invitation: the same answer again changes nothing; another answer replaces it. */
    @Transactional
    public Outcome answer(long invitationId, RsvpAnswer answer, LocalDateTime now) {
        Optional<Invitation> before = invitation(invitationId);
        if (before.isEmpty()) {
            throw new IllegalArgumentException("No invitation " + invitationId);
        }
        int updated = jdbc.sql("update co_design_invitation set answer = ?, answered_at = ? "
                        + "where id = ? and (answer is null or answer <> ?)")
                .params(answer.name(), Timestamp.valueOf(now), invitationId, answer.name())
                .update();
        if (updated == 0) {
            return Outcome.UNCHANGED;
        }
        return before.get().answer() == null ? Outcome.RECORDED : Outcome.CHANGED;
    }

    public Optional<Invitation> invitation(long id) {
        return jdbc.sql("select " + INVITATION + " from co_design_invitation where id = ?")
                .param(id).query(this::mapInvitation).optional();
    }

    public List<Invitation> ofSession(long sessionId) {
        return jdbc.sql("select " + INVITATION + " from co_design_invitation where session_id = ? order by invitee_name, id")
                .param(sessionId).query(this::mapInvitation).list();
    }

    public Optional<CoDesignSession> session(long id) {
        return jdbc.sql("select id, campaign_id, session_on, place, invitation_note, invited_groups, created_by "
                        + "from co_design_session where id = ?")
                .param(id).query(this::mapSession).optional();
    }

    public List<CoDesignSession> sessionsOf(long campaignId) {
        return jdbc.sql("select id, campaign_id, session_on, place, invitation_note, invited_groups, created_by "
                        + "from co_design_session where campaign_id = ? order by session_on, id")
                .param(campaignId).query(this::mapSession).list();
    }

    public Tally tally(long sessionId) {
        List<Invitation> all = ofSession(sessionId);
        int yes = (int) all.stream().filter(i -> i.answer() == RsvpAnswer.YES).count();
        int no = (int) all.stream().filter(i -> i.answer() == RsvpAnswer.NO).count();
        return new Tally(yes, no, all.size() - yes - no);
    }

    private CoDesignSession mapSession(ResultSet rs, int n) throws SQLException {
        return new CoDesignSession(rs.getLong("id"), rs.getLong("campaign_id"),
                rs.getObject("session_on", LocalDate.class), rs.getString("place"), rs.getString("invitation_note"),
                Arrays.asList(rs.getString("invited_groups").split(",")), rs.getString("created_by"));
    }

    private Invitation mapInvitation(ResultSet rs, int n) throws SQLException {
        String answer = rs.getString("answer");
        Timestamp answeredAt = rs.getTimestamp("answered_at");
        return new Invitation(rs.getLong("id"), rs.getLong("session_id"), rs.getString("staff_username"),
                rs.getObject("contact_id", Long.class), rs.getString("invitee_name"), rs.getString("invitee_email"),
                rs.getString("language_tag"), rs.getTimestamp("expires_at").toLocalDateTime(),
                answer == null ? null : RsvpAnswer.valueOf(answer),
                answeredAt == null ? null : answeredAt.toLocalDateTime(), rs.getObject("message_id", Long.class));
    }
}
