package app.tandem.program;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.tandem.directory.ChangeSource;
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.directory.Term;
import app.tandem.directory.TermPlan;
import app.tandem.directory.Terms;

/**
 * "Plan next year from this one": each open school's latest term (not counting one that is already an
 * earlier term's copy: its code or first day), planned again a year later with the
 * same shape. Staff need no copy (they belong to the district). The first day moves a year on, then to
 * the nearest day of the same weekday (a Monday start stays a Monday); the term keeps its length and
 * cadence. A school that already has a term on those dates (or with that code) is skipped and named;
 * the others are planned all together or, if one is refused, none.
 */
@Service
public class NextYear {

    private static final Pattern SPAN = Pattern.compile("(?<!\\d)(\\d{4})([-/])(\\d{2})(?!\\d)");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(19|20)(\\d{2})(?!\\d)");

    /** What the copy planned, and the schools it left alone with why. */
    public record Outcome(List<Term> planned, List<Skipped> skipped) {
    }

    public record Skipped(String schoolName, String termName, LocalDate startsOn, LocalDate endsOn) {
    }

    private final Terms terms;
    private final Schools schools;

    NextYear(Terms terms, Schools schools) {
        this.terms = terms;
        this.schools = schools;
    }

    /** @param districtId the district to copy, or null for every district (an operator) */
    @Transactional
    public Outcome plan(Long districtId, String changedBy, ChangeSource source) {
        List<School> open = (districtId == null ? schools.all() : schools.inDistrict(districtId)).stream()
                .filter(s -> schools.closedOn(s.id()).isEmpty())
                .toList();
        List<TermPlan> plans = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (School school : open) {
            Optional<Term> latest = latestTerm(school.id());
            if (latest.isEmpty()) {
                continue;
            }
            TermPlan next = nextOf(latest.get());
            if (taken(next)) {
                skipped.add(new Skipped(school.name(), next.name(), next.startsOn(), next.endsOn()));
            } else {
                plans.add(next);
            }
        }
        return new Outcome(plans.isEmpty() ? List.of() : terms.planAll(plans, changedBy, source), skipped);
    }

    /** The same term a year later: same length and cadence, starting on the same weekday. */
    static TermPlan nextOf(Term term) {
        LocalDate startsOn = sameWeekday(term.startsOn().plusYears(1), term.startsOn().getDayOfWeek());
        LocalDate endsOn = startsOn.plusDays(ChronoUnit.DAYS.between(term.startsOn(), term.endsOn()));
        int year = startsOn.getYear();
        return new TermPlan(term.schoolId(), nextYear(term.code(), "-" + year), nextYear(term.name(), " " + year),
                startsOn, endsOn, term.checkInCadence().toString());
    }

    private static LocalDate sameWeekday(LocalDate day, DayOfWeek weekday) {
        LocalDate after = day.with(TemporalAdjusters.nextOrSame(weekday));
        LocalDate before = day.with(TemporalAdjusters.previousOrSame(weekday));
        return ChronoUnit.DAYS.between(day, after) <= ChronoUnit.DAYS.between(before, day) ? after : before;
    }

    /** Every year in the text one on ("fall-2027" to "fall-2028", "2027-28" to "2028-29"); with none, the new year appended. */
    static String nextYear(String text, String suffixIfNone) {
        Matcher span = SPAN.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean found = false;
        while (span.find()) {
            found = true;
            span.appendReplacement(out, (Integer.parseInt(span.group(1)) + 1) + span.group(2)
                    + String.format("%02d", (Integer.parseInt(span.group(3)) + 1) % 100));
        }
        span.appendTail(out);
        if (found) {
            return out.toString();
        }
        Matcher year = YEAR.matcher(text);
        out = new StringBuilder();
        while (year.find()) {
            found = true;
            year.appendReplacement(out, String.valueOf(Integer.parseInt(year.group()) + 1));
        }
        year.appendTail(out);
        return found ? out.toString() : text + suffixIfNone;
    }

    /**
     * The latest term that is not itself next year's term of an earlier one (the copy's code or first
     * day), so planning twice finds the same source and skips it.
     */
    private Optional<Term> latestTerm(long schoolId) {
        List<Term> live = terms.ofSchool(schoolId).stream().filter(t -> terms.cancellation(t.id()).isEmpty()).toList();
        return live.stream()
                .filter(t -> live.stream().noneMatch(earlier -> earlier.startsOn().isBefore(t.startsOn())
                        && copyOf(earlier, t)))
                .max(Comparator.comparing(Term::startsOn).thenComparing(Term::id));
    }

    private static boolean copyOf(Term earlier, Term term) {
        TermPlan next = nextOf(earlier);
        return next.code().equals(term.code()) || next.startsOn().equals(term.startsOn());
    }

    private static boolean overlaps(TermPlan plan, Term term) {
        return !term.startsOn().isAfter(plan.endsOn()) && !term.endsOn().isBefore(plan.startsOn());
    }

    private boolean taken(TermPlan plan) {
        return terms.ofSchool(plan.schoolId()).stream()
                .anyMatch(t -> t.code().equals(plan.code()) || (terms.cancellation(t.id()).isEmpty() && overlaps(plan, t)));
    }
}
