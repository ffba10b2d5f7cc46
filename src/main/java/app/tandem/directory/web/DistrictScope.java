package app.tandem.directory.web;

import java.util.Optional;

import org.springframework.stereotype.Component;

import app.tandem.directory.District;
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.system.NotFound;
import app.tandem.directory.Viewer;

/**
 * Which district a person sets up under /admin: a program manager their own, an operator any. Everyone else, and
 * a manager asking for another district, gets "not found".
 */
@Component
class DistrictScope {

    private final Schools schools;

    DistrictScope(Schools schools) {
        this.schools = schools;
    }

    /** @return empty for an operator who asked for no district and is on no district's staff */
    Optional<District> district(Viewer viewer, Long asked) {
        if (viewer.operator()) {
            Long id = asked != null ? asked : viewer.districtId();
            return id == null ? Optional.empty() : Optional.of(schools.districtById(id).orElseThrow(NotFound::answer));
        }
        if (!viewer.manager() || !viewer.onStaff() || asked != null && !asked.equals(viewer.districtId())) {
            throw NotFound.answer();
        }
        return Optional.of(schools.districtById(viewer.districtId()).orElseThrow(NotFound::answer));
    }

    /** A school of a district the person sets up. */
    School school(Viewer viewer, long schoolId) {
        School school = schools.byId(schoolId).orElseThrow(NotFound::answer);
        district(viewer, school.districtId());
        return school;
    }

    static void operatorsOnly(Viewer viewer) {
        if (!viewer.operator()) {
            throw NotFound.answer();
        }
    }
}
