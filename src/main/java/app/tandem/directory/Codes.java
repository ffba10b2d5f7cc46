package app.tandem.directory;

import java.util.regex.Pattern;

/** The one rule for the codes of schools and terms: lower-case letters, digits and dashes, up to 40 characters. */
public final class Codes {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private Codes() {
    }

    public static boolean usable(String code) {
        return code != null && CODE.matcher(code).matches();
    }
}
