package app.tandem.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.tandem.TandemTest;
import app.tandem.program.ProgramFixture;
import app.tandem.program.SchoolProgram;
import app.tandem.program.SchoolProgramLauncher;
import app.tandem.system.InvalidInputException;

@TandemTest
class TermsTest {

    private static final LocalDate START = LocalDate.of(2027, 2, 1);

    @Autowired
    Terms terms;
    @Autowired
    ProgramFixture fixture;
    @Autowired
    SchoolProgramLauncher launcher;
    @Autowired
    RuntimeService runtime;

    @BeforeEach
    void pinTheClock() {
        fixture.today(START.minusWeeks(4));
    }

    @AfterEach
    void resetTheClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldRefuseATermThatEndsBeforeItStarts() {
        School school = fixture.newSchool();

        assertThatThrownBy(() -> terms.plan(new TermPlan(school.id(), "spring", "Spring", START, START.minusDays(1),
                "P2W")))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("field", "endsOn")
                .hasMessage("Term end date: the term must end after it starts (it starts 2027-02-01 and ends 2027-01-31).");

        assertThat(terms.ofSchool(school.id())).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(SchoolProgram.PROCESS_KEY)
                .processInstanceBusinessKeyLike(school.code() + "/%").count()).isZero();
    }

    @Test
    void shouldRefuseACadenceThatIsNotAnIsoPeriod() {
        School school = fixture.newSchool();

        assertThatThrownBy(() -> terms.plan(new TermPlan(school.id(), "spring", "Spring", START, START.plusDays(90),
                "every two weeks")))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("field", "checkInCadence")
                .hasMessageStartingWith("Check-in cadence: 'every two weeks' is not an ISO-8601 period");
        assertThatThrownBy(() -> terms.plan(new TermPlan(school.id(), "spring", "Spring", START, START.plusDays(90),
                "PT12H")))
                .hasFieldOrPropertyWithValue("field", "checkInCadence");
        assertThatThrownBy(() -> terms.plan(new TermPlan(school.id(), "spring", "Spring", START, START.plusDays(90),
                "P0D")))
                .hasFieldOrPropertyWithValue("field", "checkInCadence");

        assertThat(terms.ofSchool(school.id())).isEmpty();
    }

    @Test
    void shouldUseTheDefaultCadenceOfTwoWeeksWhenNoneIsGiven() {
        School school = fixture.newSchool();

        Term term = terms.plan(new TermPlan(school.id(), "spring", "Spring", START, START.plusDays(90), null));

        assertThat(term.checkInCadence()).hasDays(14);
    }

    @Test
    void shouldStartOneProgramPerSchoolAndTerm() {
        School school = fixture.newSchool();
        Term term = terms.plan(new TermPlan(school.id(), "spring", "Spring", START, START.plusDays(90), "P3W"));

        String pi = launcher.start(term.id());

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey())
                .isEqualTo(school.code() + "/spring");
        assertThat(runtime.getVariables(pi)).containsEntry("checkInCadence", "P21D")
                .containsEntry("schoolId", school.id()).containsEntry("termId", term.id());
        assertThatThrownBy(() -> launcher.start(term.id()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Term: the program of " + school.name() + " for Spring has already been started.");
    }
}
