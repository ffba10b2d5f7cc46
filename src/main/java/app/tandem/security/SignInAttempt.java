package app.tandem.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A sign-in as the throttle sees it. The typed username is kept as a hash: people type their password
 * into the username field, and that must not end up readable in a table.
 *
 * @param nameHash SHA-256 of the typed username, in hex
 * @param address  the client address, as the servlet container reports it
 */
record SignInAttempt(String nameHash, String address) {

    private static final int ADDRESS_LENGTH = 64;

    static SignInAttempt of(String username, String address) {
        String where = address == null || address.isBlank() ? "unknown" : address;
        return new SignInAttempt(sha256(username), where.length() > ADDRESS_LENGTH ? where.substring(0, ADDRESS_LENGTH) : where);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
