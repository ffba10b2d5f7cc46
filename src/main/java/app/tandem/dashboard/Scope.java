package app.tandem.dashboard;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which schools a person may see on the dashboard: a whole district (a manager's or operator's own, or
 * every school when the account belongs to no district), or a school leader's own schools.
 */
public record Scope(boolean wholeDistrict, Long districtId, Set<Long> schoolIds, boolean operator) {

    public static Scope district(Long districtId, boolean operator) {
        return new Scope(true, districtId, Set.of(), operator);
    }

    public static Scope schools(Set<Long> schoolIds) {
        return new Scope(false, null, Set.copyOf(schoolIds), false);
    }

    /** A SQL condition on the given school-id column, with the parameters of {@link #parameters()}. */
    String where(String column) {
        if (!wholeDistrict) {
            return column + " in (:schools)";
        }
        return districtId == null ? "1 = 1" : column + " in (select id from school where district_id = :district)";
    }

    /** As {@link #where(String)}, on a table that also carries the district: the whole district by its id. */
    String where(String schoolColumn, String districtColumn) {
        if (wholeDistrict && districtId != null) {
            return districtColumn + " = :district";
        }
        return where(schoolColumn);
    }

    Map<String, Object> parameters() {
        Map<String, Object> parameters = new HashMap<>();
        if (!wholeDistrict) {
            parameters.put("schools", schoolIds);
        } else if (districtId != null) {
            parameters.put("district", districtId);
        }
        return parameters;
    }

    boolean empty() {
        return !wholeDistrict && schoolIds.isEmpty();
    }
}
