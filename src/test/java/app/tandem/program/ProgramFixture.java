package app.tandem.program;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import app.tandem.directory.District;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.directory.Term;
import app.tandem.directory.TermPlan;
import app.tandem.directory.Terms;
import app.tandem.system.DistrictClock;

/** A fresh school with a leader and a teacher for each test, and a hand on the engine's clock. */
@Component
public class ProgramFixture {

    private static final AtomicInteger SCHOOLS = new AtomicInteger();

    private final Schools schools;
    private final Terms terms;
    private final StaffDirectory staff;
    private final SchoolProgramLauncher launcher;
    private final DistrictClock clock;

    public ProgramFixture(Schools schools, Terms terms, StaffDirectory staff, SchoolProgramLauncher launcher,
                          DistrictClock clock) {
        this.schools = schools;
        this.terms = terms;
        this.staff = staff;
        this.launcher = launcher;
        this.clock = clock;
    }

    public record Program(School school, Term term, String processInstanceId, String leader, String teacher) {
    }

    public School newSchool() {
        District district = schools.districtByCode("test")
                .orElseGet(() -> schools.addDistrict("test", "Test District", ZoneId.of("America/Chicago")));
        int n = SCHOOLS.incrementAndGet();
        School school = schools.add(district.id(), "school-" + n, "School " + n);
        staff.add(new StaffMember("leader-" + n, district.id(), "Leader " + n, "leader" + n + "@example.org", "en"),
                "secret", Set.of(Role.SCHOOL_LEADER), List.of(school.id()));
        staff.add(new StaffMember("teacher-" + n, district.id(), "Teacher " + n, "teacher" + n + "@example.org", "en"),
                "secret", Set.of(Role.TEACHER), List.of(school.id()));
        return school;
    }

    public Program start(LocalDate startsOn, LocalDate endsOn, String cadence) {
        School school = newSchool();
        Term term = terms.plan(new TermPlan(school.id(), "term-1", "Term 1", startsOn, endsOn, cadence));
        String pi = launcher.start(term.id());
        String n = school.code().substring("school-".length());
        return new Program(school, term, pi, "leader-" + n, "teacher-" + n);
    }

    /** Starts a program at a school the test prepared (its own staff), for a new term. */
    public String startAt(School school, LocalDate startsOn, LocalDate endsOn) {
        Term term = terms.plan(new TermPlan(school.id(), "term-" + startsOn, "Term from " + startsOn.format(java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy", java.util.Locale.ENGLISH)), startsOn, endsOn,
                "P2W"));
        return launcher.start(term.id());
    }

    /** Moves the engine's clock to ten in the morning of the given day. */
    public void today(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(LocalTime.of(10, 0)).atZone(clock.zone()).toInstant()));
    }

    public Date endOf(LocalDate day) {
        return clock.endOf(day);
    }

    public Date startOf(LocalDate day) {
        return clock.startOf(day);
    }
}
