package app.tandem.system;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The keys that sign Tandem's public links (RSVPs, unsubscribes, reply addresses). A configured secret wins;
 * otherwise a random key is made on first use and kept in the database, so every node of a cluster signs alike
 * and links outlive restarts. The table is called campaign_secret because RSVP links were the first signed.
 */
@Component
public class SigningKeys {

    public static final int SHORTEST = 32;

    private final JdbcClient jdbc;
    private final Map<String, SigningKey> known = new ConcurrentHashMap<>();

    SigningKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Refuses to start with a configured secret too short to sign with. */
    public static String checked(String configured, String property) {
        String secret = configured == null ? "" : configured.strip();
        if (!secret.isEmpty() && secret.length() < SHORTEST) {
            throw new IllegalStateException(property + " must be at least " + SHORTEST
                    + " characters long, or left empty to let Tandem make one");
        }
        return secret;
    }

    /**
     * @param name       the key's name in the database
     * @param configured a secret from configuration, already {@link #checked}; blank: the stored one
     */
    public SigningKey key(String name, String configured) {
        return known.computeIfAbsent(name, n -> new SigningKey(
                (configured == null || configured.isBlank() ? stored(n) : configured).getBytes(StandardCharsets.UTF_8)));
    }

    private String stored(String name) {
        return jdbc.sql("select secret from campaign_secret where name = ?").param(name).query(String.class).optional()
                .orElseGet(() -> makeOne(name));
    }

    private String makeOne(String name) {
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            jdbc.sql("insert into campaign_secret (name, secret) values (?, ?)").params(name, secret).update();
            return secret;
        } catch (DataIntegrityViolationException anotherNodeWasFirst) {
            return jdbc.sql("select secret from campaign_secret where name = ?").param(name).query(String.class).single();
        }
    }
}
