package app.tandem.dashboard;

import java.util.Set;

/** Which schools a person may see on the dashboard: the whole district, or their own schools. */
record Scope(boolean wholeDistrict, Set<Long> schoolIds, boolean operator) {

    static Scope district(boolean operator) {
        return new Scope(true, Set.of(), operator);
    }

    static Scope schools(Set<Long> schoolIds) {
        return new Scope(false, Set.copyOf(schoolIds), false);
    }

    boolean covers(long schoolId) {
        return wholeDistrict || schoolIds.contains(schoolId);
    }

    boolean sees(Long schoolId) {
        return schoolId != null && covers(schoolId);
    }

    /** A SQL condition on the given school-id column, with the named parameter {@code :schools}. */
    String where(String column) {
        return wholeDistrict ? "1 = 1" : column + " in (:schools)";
    }

    boolean empty() {
        return !wholeDistrict && schoolIds.isEmpty();
    }
}
