package app.tandem.directory;

import java.util.Arrays;

/** The Camunda groups Tandem knows: one per role, and a liaisons' group per language (liaisons-es). */
public final class StaffGroups {

    private static final String LANGUAGE_PREFIX = Role.LIAISON.groupId() + "-";

    private StaffGroups() {
    }

    public static boolean isLanguageGroup(String group) {
        return group.startsWith(LANGUAGE_PREFIX) && group.substring(LANGUAGE_PREFIX.length()).matches("[a-z]{2,3}");
    }

    public static boolean isKnown(String group) {
        return isLanguageGroup(group) || Arrays.stream(Role.values()).anyMatch(role -> role.groupId().equals(group));
    }
}
