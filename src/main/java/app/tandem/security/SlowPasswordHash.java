package app.tandem.security;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;

/**
 * How Camunda stores passwords, for Tandem and Camunda's Admin app alike: Argon2id, salted and slow.
 * Argon2 rather than bcrypt because Camunda appends its own 24-character salt to the password before
 * hashing, and bcrypt ignores everything past 72 bytes. Camunda stores the result as {@code {ARGON2ID}...};
 * older {@code {SHA-512}...} hashes still verify, since Camunda's password manager keeps its SHA checkers.
 */
@Component
class SlowPasswordHash implements PasswordEncryptor {

    static final String NAME = "ARGON2ID";
    static final String PREFIX = "{" + NAME + "}";

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2PasswordEncoder argon2;
    private final Semaphore slots;
    private final String hashOfNothing;

    SlowPasswordHash(PasswordHashSettings settings) {
        this.argon2 = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, settings.parallelism(), settings.memoryKib(),
                settings.iterations());
        this.slots = new Semaphore(Math.max(1, settings.atOnce()), true);
        this.hashOfNothing = argon2.encode(KeyGenerators.string().generateKey());
    }

    @Override
    public String encrypt(String password) {
        return inSlot(() -> argon2.encode(password));
    }

    @Override
    public boolean check(String password, String encrypted) {
        return inSlot(() -> argon2.matches(password, encrypted));
    }

    @Override
    public String hashAlgorithmName() {
        return NAME;
    }

    /** Whether a stored password (with Camunda's prefix) is Argon2id of today's cost. */
    boolean isCurrent(String stored) {
        return stored != null && stored.startsWith(PREFIX) && !argon2.upgradeEncoding(stored.substring(PREFIX.length()));
    }

    /**
     * Takes as long as checking a real password, so a name without an account is not told apart by how
     * quickly it is refused.
     */
    void checkAgainstNoAccount(String password) {
        check(password, hashOfNothing);
    }

    private <T> T inSlot(Supplier<T> hashing) {
        slots.acquireUninterruptibly();
        try {
            return hashing.get();
        } finally {
            slots.release();
        }
    }
}
