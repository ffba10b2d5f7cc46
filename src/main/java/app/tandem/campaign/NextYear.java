package app.tandem.campaign;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What the long-term planning review decides for the next program year. */
public enum NextYear {
    CONTINUE,
    CONTINUE_WITH_CHANGES,
    PAUSE;

    /** The value as forms and links carry it: lower case with dashes. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String messageKey() {
        return "campaign.nextYear." + code();
    }

    public static Optional<NextYear> byCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code().equals(code) || v.name().equals(code)).findFirst();
    }
}
