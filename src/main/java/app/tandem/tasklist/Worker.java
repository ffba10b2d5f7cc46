package app.tandem.tasklist;

import java.util.Set;

import app.tandem.directory.Role;

/**
 * The signed-in person working the tasklist: their Camunda groups, the schools they work at and
 * their district.
 *
 * @param districtId null for an account that is not on any district's staff
 */
public record Worker(String username, Set<String> groups, Set<Long> schoolIds, Long districtId) {

    public Worker {
        groups = Set.copyOf(groups);
        schoolIds = Set.copyOf(schoolIds);
    }

    /** Program managers and operators read every task of their district. */
    public boolean readsWholeDistrict() {
        return districtId != null
                && (groups.contains(Role.MANAGER.groupId()) || groups.contains(Role.OPERATOR.groupId()));
    }

    public boolean worksAt(Long schoolId) {
        return schoolId != null && schoolIds.contains(schoolId);
    }
}
