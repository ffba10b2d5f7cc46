package app.tandem.family.roster;

import java.util.Locale;
import java.util.Set;

/**
 * Who imports: their district, and the schools they may touch (a manager: all of the district's, and
 * only a manager adds or renames schools). Errors are written in their language.
 */
public record RosterScope(String username, long districtId, boolean manager, Set<Long> schoolIds, Locale locale) {

    boolean mayChange(long schoolId) {
        return manager || schoolIds.contains(schoolId);
    }
}
