package app.tandem.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The cost of Argon2id for stored passwords. Raising it re-hashes each password at its owner's next sign-in.
 *
 * @param memoryKib   memory one hash takes, in KiB
 * @param iterations  passes over that memory
 * @param parallelism lanes within one hash
 * @param atOnce      hashes computed at the same time at most; the rest wait, so a burst of sign-ins cannot
 *                    take more than {@code atOnce * memoryKib} of the heap
 */
@ConfigurationProperties("tandem.password-hash")
record PasswordHashSettings(int memoryKib, int iterations, int parallelism, int atOnce) {
}
