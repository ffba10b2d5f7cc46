package app.tandem.campaign;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How much a contact's word weighs in the decisions about the program. */
public enum Influence {
    HIGH,
    MEDIUM,
    LOW;

    /** The value as forms and links carry it: lower case with dashes. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String messageKey() {
        return "campaign.influence." + code();
    }

    public static Optional<Influence> byCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code().equals(code) || v.name().equals(code)).findFirst();
    }
}
