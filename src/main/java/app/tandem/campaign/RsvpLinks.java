package app.tandem.campaign;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import app.tandem.system.SigningKey;
import app.tandem.system.TandemProperties;

/**
 * One-click RSVP links, signed per invitation: {@code /rsvp/ID.EXPIRES.SIGNATURE}, where the signature is an
 * HMAC-SHA256 of the invitation's id and the moment the link expires. Changing any part of it breaks the
 * signature; a link past its moment is refused as expired. The link names no person.
 */
@Component
public class RsvpLinks {

    private static final Pattern TOKEN = Pattern.compile("(\\d{1,18})\\.(\\d{1,12})\\.([A-Za-z0-9_-]{43})");

    /** What a token turned out to be. {@code invitationId} is known only when the signature holds. */
    public record Verdict(Status status, long invitationId) {
        public enum Status { VALID, EXPIRED, INVALID }

        static Verdict invalid() {
            return new Verdict(Status.INVALID, 0);
        }
    }

    private final RsvpSecret secret;
    private final TandemProperties properties;

    RsvpLinks(RsvpSecret secret, TandemProperties properties) {
        this.secret = secret;
        this.properties = properties;
    }

    public String token(long invitationId, Instant expiresAt) {
        long expires = expiresAt.getEpochSecond();
        return invitationId + "." + expires + "." + signature(invitationId, expires);
    }

    public String link(long invitationId, Instant expiresAt, RsvpAnswer answer) {
        return properties.publicUrl() + "/rsvp/" + token(invitationId, expiresAt) + "?answer=" + answer.code();
    }

    public Verdict verify(String token, Instant now) {
        Matcher matcher = TOKEN.matcher(token == null ? "" : token);
        if (!matcher.matches()) {
            return Verdict.invalid();
        }
        long id = Long.parseLong(matcher.group(1));
        long expires = Long.parseLong(matcher.group(2));
        if (!SigningKey.same(signature(id, expires), matcher.group(3))) {
            return Verdict.invalid();
        }
        return new Verdict(now.getEpochSecond() > expires ? Verdict.Status.EXPIRED : Verdict.Status.VALID, id);
    }

    private String signature(long invitationId, long expires) {
        return secret.key().urlSignature("rsvp:" + invitationId + ":" + expires);
    }
}
