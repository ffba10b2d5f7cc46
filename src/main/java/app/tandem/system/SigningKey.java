package app.tandem.system;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** One key of {@link SigningKeys}: signs a text with HMAC-SHA256 and checks such a signature in constant time. */
public final class SigningKey {

    private static final String ALGORITHM = "HmacSHA256";
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final byte[] secret;

    SigningKey(byte[] secret) {
        this.secret = secret.clone();
    }

    public byte[] sign(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The whole signature, URL-safe base64 without padding (43 characters). */
    public String urlSignature(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sign(text));
    }

    /**
     * 120 bits of the signature in lower-case base32 (24 characters): safe where case may be lost, such as the
     * local part of an email address.
     */
    public String shortSignature(String text) {
        byte[] digest = sign(text);
        StringBuilder out = new StringBuilder(24);
        for (int i = 0; i < 15; i += 5) {
            long bits = 0;
            for (int j = 0; j < 5; j++) {
                bits = (bits << 8) | (digest[i + j] & 0xff);
            }
            for (int shift = 35; shift >= 0; shift -= 5) {
                out.append(BASE32[(int) (bits >>> shift) & 31]);
            }
        }
        return out.toString();
    }

    /** Whether {@code signature} is {@code expected}, in time that does not depend on where they differ. */
    public static boolean same(String expected, String signature) {
        return signature != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
