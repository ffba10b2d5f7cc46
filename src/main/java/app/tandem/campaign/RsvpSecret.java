package app.tandem.campaign;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The key that signs RSVP links: {@code tandem.campaign.rsvp-secret} when configured; otherwise a random key
 * made on first use and kept in the database, so every node of a cluster signs alike and links outlive restarts.
 */
@Component
class RsvpSecret {

    static final int SHORTEST = 32;
    private static final String NAME = "rsvp-link";

    private final JdbcClient jdbc;
    private final String configured;
    private volatile byte[] key;

    RsvpSecret(JdbcClient jdbc, CampaignSettings settings) {
        this.jdbc = jdbc;
        this.configured = settings.rsvpSecret() == null ? "" : settings.rsvpSecret().strip();
        if (!configured.isEmpty() && configured.length() < SHORTEST) {
            throw new IllegalStateException("tandem.campaign.rsvp-secret (TANDEM_RSVP_SECRET) must be at least "
                    + SHORTEST + " characters long, or left empty to let Tandem make one");
        }
    }

    byte[] key() {
        byte[] known = key;
        if (known == null) {
            known = (configured.isEmpty() ? stored() : configured).getBytes(StandardCharsets.UTF_8);
            key = known;
        }
        return known;
    }

    private String stored() {
        return jdbc.sql("select secret from campaign_secret where name = ?").param(NAME).query(String.class).optional()
                .orElseGet(this::makeOne);
    }

    private String makeOne() {
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            jdbc.sql("insert into campaign_secret (name, secret) values (?, ?)").params(NAME, secret).update();
            return secret;
        } catch (DataIntegrityViolationException anotherNodeWasFirst) {
            return jdbc.sql("select secret from campaign_secret where name = ?").param(NAME).query(String.class).single();
        }
    }
}
