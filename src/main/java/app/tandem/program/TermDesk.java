package app.tandem.program;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import app.tandem.directory.District;
import app.tandem.directory.ChangeSource;
import app.tandem.directory.DistrictSettings;
import app.tandem.directory.ProgramYear;
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.directory.SessionTargets;
import app.tandem.directory.Term;
import app.tandem.directory.TermFilter;
import app.tandem.directory.TermPlan;
import app.tandem.directory.TermRow;
import app.tandem.directory.Terms;
import app.tandem.system.Paged;

/**
 * What the terms page reads and plans: a district's terms and schools (every district's for an operator, whose
 * district is null) and the terms it plans, all-or-nothing.
 */
@Service
public class TermDesk {

    public static final int PAGE_SIZE = 50;
    /** More program years than a filter needs; a district's terms span a few. */
    private static final int YEARS_OFFERED = 30;

    private final Terms terms;
    private final Schools schools;
    private final SessionTargets targets;
    private final DistrictSettings settings;

    TermDesk(Terms terms, Schools schools, SessionTargets targets, DistrictSettings settings) {
        this.terms = terms;
        this.schools = schools;
        this.targets = targets;
        this.settings = settings;
    }

    /** Sessions a week the term's students should attend. */
    public int sessionsTarget(long termId) {
        return targets.of(termId);
    }

    public void setSessionsTarget(long termId, String text) {
        targets.set(termId, text);
    }

    /** A page of the district's terms (every district's for null) that pass the filter, latest first. */
    public Paged<TermRow> search(Long districtId, TermFilter filter, int page) {
        return terms.search(districtId, filter, page, PAGE_SIZE);
    }

    /** The term, when it is one of the district's (any district's for null). */
    public Optional<TermRow> row(long termId, Long districtId) {
        return terms.row(termId, districtId);
    }

    /** The program years the district's terms start in, latest first. */
    public List<ProgramYear> programYears(Long districtId) {
        MonthDay firstDay = yearStartOf(districtId);
        List<ProgramYear> years = new ArrayList<>();
        terms.firstDays(districtId).ifPresent(span -> {
            ProgramYear year = ProgramYear.containing(span.last(), firstDay);
            while (!year.endsOn().isBefore(span.first()) && years.size() < YEARS_OFFERED) {
                years.add(year);
                year = ProgramYear.starting(year.startsOn().getYear() - 1, firstDay);
            }
        });
        return years;
    }

    /** The program year of that name, by the first day of the district's own program year. */
    public Optional<ProgramYear> programYear(Long districtId, String name) {
        return ProgramYear.named(name, yearStartOf(districtId));
    }

    /** The program year the day falls in, by the first day of the district's own program year. */
    public ProgramYear programYearOf(Long districtId, LocalDate day) {
        return ProgramYear.containing(day, yearStartOf(districtId));
    }

    /** Each program year begins on the day of the year the district's does; for every district, the usual day. */
    private MonthDay yearStartOf(Long districtId) {
        return Optional.ofNullable(districtId).flatMap(settings::programYear)
                .map(year -> MonthDay.from(year.startsOn())).orElse(ProgramYear.USUAL_START);
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
