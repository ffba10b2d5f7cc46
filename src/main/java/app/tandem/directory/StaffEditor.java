package app.tandem.directory;

import java.util.Set;

/**
 * Someone changing staff records, and how far their hand reaches. The one rule for every page and import
 * that adds people, grants groups or moves them between schools: a coordinator works only at their own
 * schools and grants no more than a coordinator's groups (coordinators, teachers, liaisons, the liaisons'
 * language groups and the tutoring provider's tutor leads); a manager grants any group but the operators' within their district; an
 * operator grants anything.
 *
 * @param groups    the editor's Camunda groups
 * @param schoolIds the schools the editor works at (what a coordinator may touch)
 */
public record StaffEditor(String username, long districtId, Set<String> groups, Set<Long> schoolIds) {

    public StaffEditor {
        groups = Set.copyOf(groups);
        schoolIds = Set.copyOf(schoolIds);
    }

    public boolean operator() {
        return groups.contains(Role.OPERATOR.groupId());
    }

    public boolean manager() {
        return operator() || groups.contains(Role.MANAGER.groupId());
    }

    public boolean coordinator() {
        return groups.contains(Role.COORDINATOR.groupId());
    }

    /** Whether this editor changes staff records at all. */
    public boolean editsStaff() {
        return manager() || coordinator();
    }

    /** A school of the editor's district: managers and operators reach all of them, coordinators their own. */
    public boolean mayWorkAt(long schoolId) {
        return manager() || schoolIds.contains(schoolId);
    }

    public boolean mayGrant(String group) {
        if (operator()) {
            return true;
        }
        if (manager()) {
            return !Role.OPERATOR.groupId().equals(group);
        }
        return coordinator() && (Role.COORDINATOR.groupId().equals(group) || Role.TEACHER.groupId().equals(group)
                || Role.LIAISON.groupId().equals(group) || Role.TUTOR.groupId().equals(group)
                || StaffGroups.isLanguageGroup(group));
    }

    /**
     * Whether this editor may change an existing account: one of another district, or with a group or a school
     * beyond the editor's reach (a manager, an operator, a colleague at another school), is not theirs to change.
     */
    public boolean mayChange(StaffAccount account) {
        if (account.districtId() != null && account.districtId() != districtId) {
            return false;
        }
        return account.groups().stream().allMatch(this::mayGrant)
                && account.schoolIds().stream().allMatch(this::mayWorkAt);
    }
}
