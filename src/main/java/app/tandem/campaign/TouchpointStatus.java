package app.tandem.campaign;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A touchpoint waits for its owner, was held, or its window passed without one. */
enum TouchpointStatus {
    OPEN,
    HELD,
    MISSED;

    /** The value as forms and links carry it: lower case with dashes. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String messageKey() {
        return "campaign.touchpointStatus." + code();
    }

    public static Optional<TouchpointStatus> byCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code().equals(code) || v.name().equals(code)).findFirst();
    }
}
