package app.tandem.dashboard;

import java.util.Arrays;
import java.util.Optional;

/** The quality-standard indicators of domain 4 (LEA self-assessment) the dashboard computes. */
public enum Indicator {
    ALIGNMENT("4d.1", true),
    CHECK_INS("4d.2", false),
    CLOSE_OUT("4d.3", true),
    CAREGIVER_UPDATES("4e.1", false),
    CAREGIVERS_REACHED("4e.2", false),
    PREFERRED_LANGUAGE("4e.3", false);

    private final String code;
    private final boolean perSchoolYesOrNo;

    Indicator(String code, boolean perSchoolYesOrNo) {
        this.code = code;
        this.perSchoolYesOrNo = perSchoolYesOrNo;
    }

    public String code() {
        return code;
    }

    /** 4d.1 and 4d.3 are met or not for a school; the district counts schools. */
    public boolean perSchoolYesOrNo() {
        return perSchoolYesOrNo;
    }

    public String anchor() {
        return "indicator-" + code.replace('.', '-');
    }

    public String nameKey() {
        return "dashboard.indicator." + code + ".name";
    }

    public String ruleKey() {
        return "dashboard.indicator." + code + ".rule";
    }

    public static Optional<Indicator> byCode(String code) {
        return Arrays.stream(values()).filter(i -> i.code.equals(code)).findFirst();
    }
}
