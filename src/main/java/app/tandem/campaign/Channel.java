package app.tandem.campaign;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a message reaches people. */
public enum Channel {
    EMAIL,
    PHONE,
    IN_PERSON,
    VIDEO_CALL,
    PRESENTATION,
    PRINT,
    SOCIAL_MEDIA;

    /** The value as forms and links carry it: lower case with dashes. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String messageKey() {
        return "campaign.channel." + code();
    }

    public static Optional<Channel> byCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code().equals(code) || v.name().equals(code)).findFirst();
    }
}
