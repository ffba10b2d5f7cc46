package app.tandem.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import app.tandem.campaign.Campaign;
import app.tandem.campaign.Campaigns;
import app.tandem.campaign.YearReview;
import app.tandem.campaign.YearReviews;
import app.tandem.dashboard.DistrictDashboard;
import app.tandem.dashboard.Indicator;
import app.tandem.dashboard.ProgramRow;
import app.tandem.dashboard.SchoolRow;
import app.tandem.dashboard.Scope;
import app.tandem.dashboard.Share;
import app.tandem.directory.District;
import app.tandem.directory.DistrictSettings;
import app.tandem.directory.ProgramYear;
import app.tandem.directory.School;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.system.DistrictClock;
import app.tandem.system.Messages;
import app.tandem.system.NotFound;

/**
 * Writes the self-assessment from the dashboard's evidence: the dashboard computes each school term's
 * indicators, this sums them per program year and per term and rates the sums against the district's thresholds.
 */
@Service
public class SelfAssessment {

    private static final Pattern YEAR_NAME = Pattern.compile("\\d{4}-\\d{2}");
    private static final int YEARS_SIDE_BY_SIDE = 3;
    static final int NOTE_LENGTH = 2000;

    private final DistrictDashboard dashboard;
    private final DistrictSettings settings;
    private final AssessmentThresholds thresholds;
    private final Decisions decisions;
    private final Campaigns campaigns;
    private final YearReviews reviews;
    private final DistrictClock clock;
    private final StaffDirectory staff;
    private final Messages messages;

    SelfAssessment(DistrictDashboard dashboard, DistrictSettings settings, AssessmentThresholds thresholds,
                   Decisions decisions, Campaigns campaigns, YearReviews reviews, DistrictClock clock,
                   StaffDirectory staff, Messages messages) {
        this.staff = staff;
        this.dashboard = dashboard;
        this.settings = settings;
        this.thresholds = thresholds;
        this.decisions = decisions;
        this.campaigns = campaigns;
        this.reviews = reviews;
        this.clock = clock;
        this.messages = messages;
    }

    /** @param yearName such as 2026-27; null for the latest year under way or past */
    public Report ofDistrict(District district, String yearName) {
        return report(district.id(), null, district.name(), Scope.district(district.id(), false), yearName,
                row -> row.program().termCode());
    }

    public Report ofSchool(School school, String yearName) {
        return report(school.districtId(), school.id(), school.name(), Scope.schools(Set.of(school.id())), yearName,
                row -> String.valueOf(row.program().termId()));
    }

    /**
     * A manager confirms Tandem's proposal or sets another rating. An override needs a note saying why.
     *
     * @throws app.tandem.system.InvalidInputException naming the field (rating or note); nothing is kept then
     */
    public Decision decide(District district, String yearName, Indicator indicator, String rating, String note,
                           String username) {
        Report report = ofDistrict(district, yearName);
        Rating proposed = report.line(indicator).proposed();
        Rating chosen = Rating.parse(rating == null ? "" : rating.strip())
                .orElseThrow(() -> messages.invalid("rating", "assessment.invalid.rating"));
        String text = note == null ? "" : note.strip();
        if (text.length() > NOTE_LENGTH) {
            throw messages.invalid("note", "assessment.invalid.noteLength", NOTE_LENGTH, text.length());
        }
        if (chosen != proposed && text.isEmpty()) {
            throw messages.invalid("note", "assessment.invalid.noteForOverride");
        }
        Decision decision = new Decision(0, district.id(), report.year().name(), indicator, proposed, chosen,
                text.isEmpty() ? null : text, username, clock.dateTime());
        decisions.record(decision);
        return decision;
    }

    private Report report(long districtId, Long schoolId, String title, Scope scope, String yearName,
                          Function<SchoolRow, String> termKey) {
        ProgramYear pattern = pattern(districtId);
        List<SchoolRow> rows = dashboard.overview(scope).rows();
        TreeMap<String, List<SchoolRow>> byYear = byYear(rows, pattern);
        ProgramYear year = yearName == null || yearName.isBlank() ? latest(byYear, pattern) : named(pattern, yearName);
        List<SchoolRow> ofYear = byYear.getOrDefault(year.name(), List.of());

        Map<String, List<SchoolRow>> byTerm = new LinkedHashMap<>();
        ofYear.stream()
                .sorted(Comparator.comparing((SchoolRow r) -> r.program().startsOn()).thenComparing(termKey))
                .forEach(row -> byTerm.computeIfAbsent(termKey.apply(row), key -> new ArrayList<>()).add(row));
        List<Report.TermColumn> terms = byTerm.values().stream().map(group -> column(group, schoolId != null)).toList();

        List<String> sideBySide = new ArrayList<>(byYear.headMap(year.name()).keySet());
        sideBySide = new ArrayList<>(sideBySide.subList(Math.max(0, sideBySide.size() - (YEARS_SIDE_BY_SIDE - 1)),
                sideBySide.size()));
        sideBySide.add(year.name());

        Map<Indicator, Thresholds> set = thresholds.of(districtId);
        Map<Indicator, Decision> decided = schoolId == null ? decisions.latest(districtId, year.name()) : Map.of();
        List<Report.Line> lines = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            Thresholds t = set.get(indicator);
            Share share = sum(ofYear, indicator);
            List<Share> perTerm = byTerm.values().stream().map(group -> sum(group, indicator)).toList();
            List<Report.YearFigure> figures = sideBySide.stream().map(name -> {
                Share ofThat = sum(byYear.getOrDefault(name, List.of()), indicator);
                return new Report.YearFigure(name, ofThat, t.rate(ofThat).orElse(null));
            }).toList();
            List<BarChart.Point> points = new ArrayList<>();
            for (int i = 0; i < terms.size(); i++) {
                points.add(new BarChart.Point(terms.get(i).label(), perTerm.get(i)));
            }
            lines.add(new Report.Line(indicator, share, t, t.rate(share).orElse(null), decided.get(indicator), perTerm,
                    figures, BarChart.of(points, t, messages.text("assessment.noData.short"))));
        }
        Optional<Campaign> campaign = campaigns.byDistrictAndYear(districtId, year.name());
        Optional<YearReview> review = campaign.flatMap(c -> reviews.of(c.id()));
        return new Report(districtId, schoolId, title, year, List.copyOf(byYear.keySet()), terms, lines, sideBySide,
                review, campaign.map(Campaign::id).orElse(null), clock.today());
    }

    /** Each username's person, for "confirmed by"; an account no longer on the staff keeps its username. */
    public Map<String, String> namesOf(Collection<String> usernames) {
        Map<String, String> names = new HashMap<>();
        for (String username : usernames) {
            names.computeIfAbsent(username, u -> staff.byUsername(u).map(StaffMember::fullName).orElse(u));
        }
        return names;
    }

    /** The program year by name, in the district's pattern; a name that is no program year is not found. */
    private static ProgramYear named(ProgramYear pattern, String name) {
        String stripped = name.strip();
        if (!YEAR_NAME.matcher(stripped).matches()) {
            throw NotFound.answer();
        }
        int first = Integer.parseInt(stripped.substring(0, 4));
        ProgramYear year = pattern.shiftedBy(first - Integer.parseInt(pattern.name().substring(0, 4)));
        if (!year.name().equals(stripped)) {
            throw NotFound.answer();
        }
        return year;
    }

    private ProgramYear latest(TreeMap<String, List<SchoolRow>> byYear, ProgramYear pattern) {
        return byYear.keySet().stream()
                .map(name -> named(pattern, name))
                .filter(year -> !year.startsOn().isAfter(clock.today()))
                .reduce((first, second) -> second)
                .orElse(pattern.containing(clock.today()));
    }

    /** The district's program year, or a year from July through June when it set none. */
    private ProgramYear pattern(long districtId) {
        return settings.programYear(districtId).orElseGet(() -> {
            LocalDate today = clock.today();
            int first = today.getMonthValue() >= 7 ? today.getYear() : today.getYear() - 1;
            return new ProgramYear(String.format(java.util.Locale.ROOT, "%d-%02d", first, (first + 1) % 100),
                    LocalDate.of(first, 7, 1), LocalDate.of(first + 1, 6, 30));
        });
    }

    private static TreeMap<String, List<SchoolRow>> byYear(List<SchoolRow> rows, ProgramYear pattern) {
        TreeMap<String, List<SchoolRow>> byYear = new TreeMap<>();
        for (SchoolRow row : rows) {
            String name = pattern.containing(row.program().startsOn()).name();
            byYear.computeIfAbsent(name, n -> new ArrayList<>()).add(row);
        }
        return byYear;
    }

    private static Share sum(List<SchoolRow> rows, Indicator indicator) {
        return rows.stream().map(row -> row.indicator(indicator)).reduce(Share.NO_DATA, Share::plus);
    }

    private static Report.TermColumn column(List<SchoolRow> group, boolean oneSchool) {
        ProgramRow first = group.get(0).program();
        LocalDate startsOn = group.stream().map(r -> r.program().startsOn()).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate endsOn = group.stream().map(r -> r.program().endsOn()).max(Comparator.naturalOrder()).orElseThrow();
        return new Report.TermColumn(first.termName(), startsOn, endsOn, group.size(),
                oneSchool ? first.termId() : null);
    }
}
