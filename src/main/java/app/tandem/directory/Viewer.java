package app.tandem.directory;

import java.util.Arrays;
import java.util.Set;

import app.tandem.system.NotFound;

/**
 * Who is asking: the signed-in account, its Camunda groups, its district and the schools it works at. Built once
 * per request by security's Viewers; each feature writes its own policy (who may see a task, a campaign, a
 * dashboard) against it.
 *
 * @param districtId null for an account on no district's staff, such as the first operator
 */
public record Viewer(String username, Set<String> groups, Set<Long> schoolIds, Long districtId) {

    public Viewer {
        groups = Set.copyOf(groups);
        schoolIds = Set.copyOf(schoolIds);
    }

    public boolean has(Role role) {
        return groups.contains(role.groupId());
    }

    public boolean hasAny(Role... roles) {
        return Arrays.stream(roles).anyMatch(this::has);
    }

    public boolean operator() {
        return has(Role.OPERATOR);
    }

    public boolean manager() {
        return has(Role.MANAGER);
    }

    public boolean onStaff() {
        return districtId != null;
    }

    /** Program managers and operators on a district's staff read the whole of it. */
    public boolean readsWholeDistrict() {
        return districtId != null && hasAny(Role.MANAGER, Role.OPERATOR);
    }

    /** Works at the school: one of the viewer's own schools. */
    public boolean worksAt(Long schoolId) {
        return schoolId != null && schoolIds.contains(schoolId);
    }

    /**
     * The district whose accounts and audit logs this viewer administers: null for an operator, who administers every
     * district's; a program manager's own. Anyone else, or a manager on no district's staff, gets "not found".
     */
    public Long administeredDistrict() {
        if (operator()) {
            return null;
        }
        if (!manager() || !onStaff()) {
            throw NotFound.answer();
        }
        return districtId;
    }

    /** The viewer as someone changing staff records; only for a viewer on a district's staff. */
    public StaffEditor editor() {
        if (districtId == null) {
            throw NotFound.answer();
        }
        return new StaffEditor(username, districtId, groups, schoolIds);
    }
}
