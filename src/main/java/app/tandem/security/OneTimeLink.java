package app.tandem.security;

import java.time.Instant;

/** A link to choose a password that still works: not used, not revoked, not expired. */
public record OneTimeLink(long id, String username, LinkPurpose purpose, Instant expiresAt) {
}
