package app.tandem.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import app.tandem.system.DistrictClock;

/**
 * Single-use links to choose a password, kept in the database so any node of a cluster accepts them. Only the
 * SHA-256 of a link's secret (256 random bits) is stored: the table alone opens no account. A link row exists from
 * the moment it is asked for; its secret and its expiry are made when its mail is sent ({@link #mint}).
 *
 * <p>Spring Security's {@code JdbcOneTimeTokenService} does not fit: it keeps the token itself as the primary key
 * (readable by anyone who reads the table), has no purpose to void an invitation without voiding a reset, cannot
 * void a person's earlier links, and consumes a token with a read then a delete that two requests can both pass.
 */
@Repository
public class OneTimeLinks {

    private static final int SECRET_BYTES = 32;
    private static final String OPEN = "used_at is null and revoked_at is null";

    private final JdbcClient jdbc;
    private final DistrictClock clock;
    private final Duration invitationValidFor;
    private final Duration resetValidFor;
    private final SecureRandom random = new SecureRandom();

    OneTimeLinks(JdbcClient jdbc, DistrictClock clock,
                 @Value("${tandem.invitation.valid-for:P7D}") Duration invitationValidFor,
                 @Value("${tandem.password-reset.valid-for:PT1H}") Duration resetValidFor) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.invitationValidFor = invitationValidFor;
        this.resetValidFor = resetValidFor;
    }

    public Duration validFor(LinkPurpose purpose) {
        return purpose == LinkPurpose.INVITATION ? invitationValidFor : resetValidFor;
    }

    /** A new link for the person, voiding their earlier open links of the same purpose; its id. */
    public long open(String username, LinkPurpose purpose, String createdBy) {
        revoke(username, purpose);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into one_time_link (username, purpose, created_at, created_by) values (?, ?, ?, ?)")
                .params(username, purpose.name(), Timestamp.from(clock.now()), createdBy)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /**
     * The secret of an open link, starting its time to expire; a second call replaces the first secret.
     *
     * @return empty when the link was revoked or used meanwhile
     */
    public Optional<String> mint(long id) {
        String secret = secret();
        Optional<LinkPurpose> purpose = jdbc.sql("select purpose from one_time_link where id = ? and " + OPEN)
                .param(id).query(String.class).optional().map(LinkPurpose::valueOf);
        if (purpose.isEmpty()) {
            return Optional.empty();
        }
        Instant expires = clock.now().plus(validFor(purpose.get()));
        int minted = jdbc.sql("update one_time_link set token_hash = ?, expires_at = ? where id = ? and " + OPEN)
                .params(hash(secret), Timestamp.from(expires), id)
                .update();
        return minted == 1 ? Optional.of(secret) : Optional.empty();
    }

    /** The link this secret opens, while it works; a tampered, used, revoked or expired one opens nothing. */
    public Optional<OneTimeLink> find(String secret) {
        if (secret == null || secret.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("select id, username, purpose, expires_at from one_time_link where token_hash = ? and "
                        + OPEN + " and expires_at > ?")
                .params(hash(secret), Timestamp.from(clock.now()))
                .query((rs, n) -> new OneTimeLink(rs.getLong("id"), rs.getString("username"),
                        LinkPurpose.valueOf(rs.getString("purpose")), rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    /** Uses the link up; false when another request used it first or it expired meanwhile. */
    public boolean use(OneTimeLink link) {
        return jdbc.sql("update one_time_link set used_at = ? where id = ? and " + OPEN + " and expires_at > ?")
                .params(Timestamp.from(clock.now()), link.id(), Timestamp.from(clock.now()))
                .update() == 1;
    }

    public void revoke(String username, LinkPurpose purpose) {
        jdbc.sql("update one_time_link set revoked_at = ? where username = ? and purpose = ? and " + OPEN)
                .params(Timestamp.from(clock.now()), username, purpose.name())
                .update();
    }

    /** Whether the person has an invitation not used or revoked yet (perhaps expired or still being sent). */
    public Optional<Instant> openInvitation(String username) {
        return Optional.ofNullable(openInvitations(java.util.List.of(username)).get(username));
    }

    /**
     * Of these people, those with an invitation not used or revoked yet (perhaps expired), with when its link expires:
     * {@link Instant#MAX} while its mail is still being sent. One query for them all.
     */
    public Map<String, Instant> openInvitations(Collection<String> usernames) {
        Map<String, Instant> open = new HashMap<>();
        if (!usernames.isEmpty()) {
            jdbc.sql("select username, expires_at from one_time_link where username in (:names) and purpose = :purpose "
                            + "and " + OPEN + " order by id desc")
                    .param("names", usernames)
                    .param("purpose", LinkPurpose.INVITATION.name())
                    .query(rs -> {
                        Timestamp expires = rs.getTimestamp("expires_at");
                        open.putIfAbsent(rs.getString("username"), expires == null ? Instant.MAX : expires.toInstant());
                    });
        }
        return open;
    }

    /** When the person last asked for a reset link, if ever. */
    public Optional<Instant> lastOpened(String username, LinkPurpose purpose) {
        return jdbc.sql("select max(created_at) from one_time_link where username = ? and purpose = ?")
                .params(username, purpose.name())
                .query((rs, n) -> rs.getTimestamp(1))
                .optional().filter(java.util.Objects::nonNull).map(Timestamp::toInstant);
    }

    private String secret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
