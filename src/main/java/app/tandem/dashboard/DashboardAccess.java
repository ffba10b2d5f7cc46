package app.tandem.dashboard;

import java.util.HashSet;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import app.tandem.directory.Role;

/**
 * The one access check of the dashboard. Managers and operators see the district; a school leader sees
 * the schools they work at; anyone else, and anything outside a person's schools, is "not found", so
 * the dashboard does not tell them what exists.
 */
@Component
class DashboardAccess {

    private final JdbcClient jdbc;

    DashboardAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Scope scopeOf(Authentication person) {
        if (person == null) {
            throw notFound();
        }
        boolean operator = has(person, Role.OPERATOR);
        if (operator || has(person, Role.MANAGER)) {
            Long district = jdbc.sql("select district_id from staff_member where username = ?")
                    .param(person.getName())
                    .query(Long.class)
                    .optional()
                    .orElse(null);
            return Scope.district(district, operator);
        }
        if (has(person, Role.SCHOOL_LEADER)) {
            return Scope.schools(new HashSet<>(jdbc.sql("select school_id from staff_school where username = ?")
                    .param(person.getName())
                    .query(Long.class)
                    .list()));
        }
        throw notFound();
    }

    /** The scope, provided it covers the school; otherwise "not found". */
    Scope scopeFor(Authentication person, long schoolId) {
        Scope scope = scopeOf(person);
        boolean covered = scope.wholeDistrict()
                ? scope.districtId() == null || jdbc.sql("select count(*) from school where id = ? and district_id = ?")
                        .params(schoolId, scope.districtId()).query(Integer.class).single() > 0
                : scope.schoolIds().contains(schoolId);
        if (!covered) {
            throw notFound();
        }
        return scope;
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private static boolean has(Authentication person, Role role) {
        String authority = "ROLE_" + role.groupId();
        for (GrantedAuthority granted : person.getAuthorities()) {
            if (authority.equals(granted.getAuthority())) {
                return true;
            }
        }
        return false;
    }
}
