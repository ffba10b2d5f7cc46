package app.tandem.assessment.web;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Component;

import app.tandem.directory.District;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.directory.Viewer;
import app.tandem.system.NotFound;

/**
 * Who may read and decide on a self-assessment. A district's: its program managers, who also confirm its
 * ratings, and operators. A school's: those, and the school's leaders. Anyone else finds nothing there.
 */
@Component
class AssessmentAccess {

    private final Schools schools;

    AssessmentAccess(Schools schools) {
        this.schools = schools;
    }

    District district(Viewer viewer, long districtId) {
        District district = schools.districtById(districtId).orElseThrow(NotFound::answer);
        if (viewer.operator() || viewer.manager() && Objects.equals(viewer.districtId(), districtId)) {
            return district;
        }
        throw NotFound.answer();
    }

    List<District> everyDistrict() {
        return schools.districts();
    }

    /** A school leader's own schools, by name. */
    List<School> schoolsOf(Viewer viewer) {
        return viewer.schoolIds().stream().map(schools::byId).flatMap(Optional::stream)
                .sorted(Comparator.comparing(School::name)).toList();
    }

    School school(Viewer viewer, long schoolId) {
        School school = schools.byId(schoolId).orElseThrow(NotFound::answer);
        boolean manages = viewer.manager() && Objects.equals(viewer.districtId(), school.districtId());
        boolean leads = viewer.has(Role.SCHOOL_LEADER) && viewer.worksAt(schoolId);
        if (viewer.operator() || manages || leads) {
            return school;
        }
        throw NotFound.answer();
    }
}
