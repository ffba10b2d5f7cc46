package app.tandem.directory;

import java.util.Set;

/**
 * An account as it stands before a change: its staff record (absent for a Camunda user Tandem has no record
 * of, such as the first operator) and its groups and schools.
 *
 * @param districtId null when the account has no staff record
 */
public record StaffAccount(String username, Long districtId, String fullName, String email, String language,
                           Set<String> groups, Set<Long> schoolIds) {

    public StaffAccount {
        groups = Set.copyOf(groups);
        schoolIds = Set.copyOf(schoolIds);
    }
}
