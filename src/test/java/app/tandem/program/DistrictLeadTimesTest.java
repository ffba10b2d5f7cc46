package app.tandem.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.tandem.directory.ChangeSource;
import app.tandem.TandemTest;
import app.tandem.directory.District;
import app.tandem.directory.DistrictEntry;
import app.tandem.directory.DistrictSetting;
import app.tandem.directory.DistrictSetup;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.directory.Term;
import app.tandem.directory.TermPlan;
import app.tandem.directory.Terms;
import app.tandem.program.SchoolProgram.Var;
import app.tandem.system.DistrictClock;

/**
 * A program starts by its district's lead times, check-in cadence and time zone; a district that chose none, by the
 * yaml's.
 */
@TandemTest
class DistrictLeadTimesTest {

    private static final LocalDate START = LocalDate.of(2027, 2, 1);
    private static final LocalDate END = LocalDate.of(2027, 5, 28);

    @Autowired
    Schools schools;
    @Autowired
    Terms terms;
    @Autowired
    DistrictSetup setup;
    @Autowired
    SchoolProgramLauncher launcher;
    @Autowired
    ProgramFixture fixture;
    @Autowired
    StaffDirectory staff;
    @Autowired
    TaskService tasks;
    @Autowired
    DistrictClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @BeforeEach
    void pinTheClock() {
        fixture.today(START.minusWeeks(8));
    }

    @Test
    void shouldStartAProgramByItsDistrictsOwnLeadTimes() {
        District district = schools.addDistrict("lead-" + System.nanoTime(), "Lead Times District",
                ZoneId.of("America/Chicago"));
        setup.change(district.id(), new DistrictEntry(district.code(), district.name(), "America/Chicago", "2026-27",
                "2026-08-17", "2027-06-04", Map.of(DistrictSetting.ALIGNMENT_SCHEDULE_LEAD, "P21D",
                DistrictSetting.CLOSE_OUT_WITHIN, "P1M", DistrictSetting.DEFAULT_CHECK_IN_CADENCE, "P3W")), "manager",
                ChangeSource.PAGE);
        School school = schools.add(district.id(), district.code() + "-elm", "Elm");

        Term term = terms.plan(new TermPlan(school.id(), "spring", "Spring", START, END, null));
        var variables = launcher.variables(school, term);

        assertThat(term.checkInCadence()).hasToString("P21D");
        assertThat(variables.get(Var.ALIGNMENT_SCHEDULE_DUE)).isEqualTo(fixture.endOf(START.minusDays(21)));
        assertThat(variables.get(Var.CLOSE_OUT_DUE)).isEqualTo(fixture.endOf(END.plusMonths(1)));
        assertThat(variables.get(Var.IMPACT_SUMMARY_DUE)).isEqualTo(fixture.endOf(END.plusDays(7)));
    }

    @Test
    void shouldStartAProgramByTheDefaultsWhenTheDistrictChoseNone() {
        School school = fixture.newSchool();

        Term term = terms.plan(new TermPlan(school.id(), "spring", "Spring", START, END, null));
        var variables = launcher.variables(school, term);

        assertThat(term.checkInCadence()).hasToString("P14D");
        assertThat(variables.get(Var.ALIGNMENT_SCHEDULE_DUE)).isEqualTo(fixture.endOf(START.minusDays(14)));
    }

    @Test
    void shouldKeepTheDaysAndDueDatesOfTheTimeZoneTheDistrictSaved() {
        ZoneId auckland = ZoneId.of("Pacific/Auckland");
        District district = schools.addDistrict("kiwi-" + System.nanoTime(), "Harbour District",
                ZoneId.of("America/Chicago"));
        School school = schools.add(district.id(), district.code() + "-kauri", "Kauri");
        String leader = "leader-" + district.code();
        staff.add(new StaffMember(leader, district.id(), "Leader Kauri", leader + "@example.org", "en"), "secret",
                Set.of(Role.SCHOOL_LEADER), List.of(school.id()));
        // The zone it was created with was read already; the saved one counts at once.
        assertThat(clock.zoneOf(district.id())).isEqualTo(ZoneId.of("America/Chicago"));
        setup.change(district.id(), new DistrictEntry(district.code(), district.name(), "Pacific/Auckland", "2026-27",
                "2026-08-17", "2027-06-04", Map.of()), "manager", ChangeSource.PAGE);
        // Ten past eight on 10 January in Chicago is already 11 January in Auckland.
        clock.moveTo(Instant.parse("2027-01-11T02:10:00Z"));
        assertThat(clock.forDistrict(district.id()).today()).isEqualTo(LocalDate.of(2027, 1, 11));

        Term term = terms.plan(new TermPlan(school.id(), "summer", "Summer", START, END, null));
        String pi = launcher.start(term.id());

        Task schedule = task(pi, SchoolProgram.SCHEDULE_ALIGNMENT_MEETING);
        assertThat(schedule.getDueDate().toInstant()).as("due at the end of 18 January in Auckland")
                .isEqualTo(START.minusDays(14).atTime(LocalTime.of(23, 59)).atZone(auckland).toInstant());
        tasks.claim(schedule.getId(), leader);
        assertThatThrownBy(() -> tasks.complete(schedule.getId(), Map.of("alignmentMeetingDate", "2027-01-10", "startTime", "16:00", "lengthMinutes", 60, "place", "Library",
                "invitees", "[\"" + leader + "\"]")))
                .hasMessageContaining("2027-01-10 has already passed");
        tasks.complete(schedule.getId(), Map.of("alignmentMeetingDate", "2027-01-11", "startTime", "16:00", "lengthMinutes", 60, "place", "Library", "invitees",
                "[\"" + leader + "\"]"));

        Task meeting = task(pi, SchoolProgram.HOLD_ALIGNMENT_MEETING);
        assertThat(meeting.getDueDate().toInstant()).as("due at the end of the meeting's day in Auckland")
                .isEqualTo(Instant.parse("2027-01-11T10:59:00Z"));
    }

    private Task task(String processInstanceId, String key) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
    }
}
