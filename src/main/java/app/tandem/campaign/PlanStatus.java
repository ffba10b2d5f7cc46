package app.tandem.campaign;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where the communication plan stands: drafted, waiting for a manager, sent back or approved. */
public enum PlanStatus {
    DRAFT,
    SUBMITTED,
    SENT_BACK,
    APPROVED;

    /** The value as forms and links carry it: lower case with dashes. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String messageKey() {
        return "campaign.planStatus." + code();
    }

    public static Optional<PlanStatus> byCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code().equals(code) || v.name().equals(code)).findFirst();
    }
}
