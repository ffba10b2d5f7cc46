package app.tandem.campaign;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a contact stands on the tutoring program, from its champions to its opponents. */
public enum Stance {
    CHAMPION,
    SUPPORTIVE,
    NEUTRAL,
    SCEPTICAL,
    OPPOSED;

    /** The value as forms and links carry it: lower case with dashes. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String messageKey() {
        return "campaign.stance." + code();
    }

    public static Optional<Stance> byCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code().equals(code) || v.name().equals(code)).findFirst();
    }
}
