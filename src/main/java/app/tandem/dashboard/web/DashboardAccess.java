package app.tandem.dashboard.web;

import org.springframework.stereotype.Component;

import app.tandem.dashboard.Scope;
import app.tandem.directory.Role;
import app.tandem.directory.Schools;
import app.tandem.directory.Viewer;
import app.tandem.system.NotFound;

/**
 * The one access check of the dashboard. Managers and operators see the district; a school leader sees
 * the schools they work at; anyone else, and anything outside a person's schools, is "not found", so
 * the dashboard does not tell them what exists.
 */
@Component
class DashboardAccess {

    private final Schools schools;

    DashboardAccess(Schools schools) {
        this.schools = schools;
    }

    Scope scopeOf(Viewer person) {
        if (person.hasAny(Role.OPERATOR, Role.MANAGER)) {
            return Scope.district(person.districtId(), person.operator());
        }
        if (person.has(Role.SCHOOL_LEADER)) {
            return Scope.schools(person.schoolIds());
        }
        throw NotFound.answer();
    }

    /** The scope, provided it covers the school; otherwise "not found". */
    Scope scopeFor(Viewer person, long schoolId) {
        Scope scope = scopeOf(person);
        boolean covered = scope.wholeDistrict()
                ? scope.districtId() == null
                        || schools.byId(schoolId).filter(school -> school.districtId() == scope.districtId()).isPresent()
                : scope.schoolIds().contains(schoolId);
        if (!covered) {
            throw NotFound.answer();
        }
        return scope;
    }
}
