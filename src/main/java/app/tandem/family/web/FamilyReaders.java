package app.tandem.family.web;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.directory.Viewer;
import app.tandem.system.NotFound;

/** The schools whose family records a person reads: managers their district's, other readers their own schools. */
@Component
class FamilyReaders {

    private final Schools schools;

    FamilyReaders(Schools schools) {
        this.schools = schools;
    }

    /** @param readers the groups that read these records; anyone in none of them is "not found" */
    Set<Long> schoolsOf(Viewer who, Set<String> readers) {
        if (who.groups().stream().noneMatch(readers::contains)) {
            throw NotFound.answer();
        }
        if (who.manager()) {
            if (!who.onStaff()) {
                return Set.of();
            }
            return schools.inDistrict(who.districtId()).stream().map(School::id)
                    .collect(Collectors.toUnmodifiableSet());
        }
        return who.schoolIds();
    }
}
