package app.tandem.directory;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The one rule for the codes of schools and terms: lower-case letters, digits and dashes, up to 40 characters. */
public final class Codes {

    private static final int MAX_LENGTH = 40;
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0," + (MAX_LENGTH - 1) + "}");

    private Codes() {
    }

    public static boolean usable(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /**
     * The code a name makes: "Fall 2027" makes fall-2027, accents dropped, other characters turned into dashes;
     * not {@link #usable} when the name has no letter or digit of the Latin alphabet.
     */
    public static String fromName(String name) {
        String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+", "");
        String code = plain.length() > MAX_LENGTH ? plain.substring(0, MAX_LENGTH) : plain;
        return code.replaceAll("-+$", "");
    }
}
