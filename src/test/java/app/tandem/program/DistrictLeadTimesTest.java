package app.tandem.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
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
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.directory.Term;
import app.tandem.directory.TermPlan;
import app.tandem.directory.Terms;
import app.tandem.program.SchoolProgram.Var;

/** A program starts by its district's lead times and check-in cadence; a district that chose none, by the yaml's. */
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

    @BeforeEach
    void pinTheClock() {
        fixture.today(START.minusWeeks(8));
    }

    @AfterEach
    void resetTheClock() {
        ClockUtil.reset();
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
}
