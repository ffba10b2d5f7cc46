package app.tandem.system;

import java.util.Locale;

/**
 * A search box's text as a SQL {@code like} pattern: "contains", case left to {@code lower(column)}, and a % or _
 * the person typed matched as itself. Use with {@link #ESCAPE} after the pattern's parameter.
 */
public final class LikePattern {

    public static final String ESCAPE = " escape '!'";

    private LikePattern() {
    }

    public static String containing(String text) {
        return "%" + text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
