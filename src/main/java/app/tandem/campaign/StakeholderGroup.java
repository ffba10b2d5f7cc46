package app.tandem.campaign;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who a contact or a plan row speaks to, in the playbook's groups. */
public enum StakeholderGroup {
    STATE_AGENCY,
    SCHOOL_BOARD,
    DISTRICT_LEADERSHIP,
    SCHOOL_LEADERSHIP,
    EDUCATOR_UNION,
    EDUCATORS,
    COMMUNITY_PARTNER,
    LOCAL_GOVERNMENT,
    MEDIA,
    FAMILIES;

    /** The value as forms and links carry it: lower case with dashes. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String messageKey() {
        return "campaign.group." + code();
    }

    public static Optional<StakeholderGroup> byCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code().equals(code) || v.name().equals(code)).findFirst();
    }
}
