package app.tandem.program;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import app.tandem.directory.District;
import app.tandem.directory.ChangeSource;
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.directory.SessionTargets;
import app.tandem.directory.Term;
import app.tandem.directory.TermPlan;
import app.tandem.directory.TermRow;
import app.tandem.directory.Terms;

/**
 * What the terms page reads and plans: a district's terms and schools (every district's for an operator, whose
 * district is null) and the terms it plans, all-or-nothing.
 */
@Service
public class TermDesk {

    private final Terms terms;
    private final Schools schools;
    private final SessionTargets targets;

    TermDesk(Terms terms, Schools schools, SessionTargets targets) {
        this.terms = terms;
        this.schools = schools;
        this.targets = targets;
    }

    /** Sessions a week the term's students should attend. */
    public int sessionsTarget(long termId) {
        return targets.of(termId);
    }

    public void setSessionsTarget(long termId, String text) {
        targets.set(termId, text);
    }

    public List<TermRow> listing(Long districtId) {
        return terms.listing(districtId);
    }

    public String defaultCadence(Long districtId) {
        return terms.defaultCadence(districtId);
    }

    public List<Term> planAll(List<TermPlan> plans, String changedBy, ChangeSource source) {
        return terms.planAll(plans, changedBy, source);
    }

    public List<School> schools(Long districtId) {
        return districtId == null ? schools.all() : schools.inDistrict(districtId);
    }

    public List<District> districts() {
        return schools.districts();
    }

    public Optional<District> district(long id) {
        return schools.districtById(id);
    }

    public List<School> openSchools(Long districtId) {
        return schools(districtId).stream().filter(school -> schools.closedOn(school.id()).isEmpty()).toList();
    }
}
