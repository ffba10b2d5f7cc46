package app.tandem.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.tandem.TandemTest;
import app.tandem.program.ProgramFixture;
import app.tandem.program.ProgramFixture.Program;
import app.tandem.program.SchoolProgram;

@TandemTest
class ProgramStandingTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 4);
    private static final LocalDate START = TODAY.plusDays(28);
    private static final LocalDate LAST_DAY = START.plusDays(34);

    @Autowired
    ProgramFixture fixture;
    @Autowired
    ProgramPlay play;
    @Autowired
    ProgramStandings standings;
    @Autowired
    StandingReconciler reconciler;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldFollowTheProgramFromPlanningToClosing() {
        fixture.today(TODAY);
        Program program = fixture.start(START, LAST_DAY, "P2W");
        assertStanding(program, Phase.ALIGNMENT, NextStep.SCHEDULE_ALIGNMENT, null, START.minusDays(14));

        play.schedule(program, TODAY, TODAY.plusDays(7));
        assertStanding(program, Phase.ALIGNMENT, NextStep.ALIGNMENT_MEETING, null, TODAY.plusDays(7));

        play.holdAlignment(program, TODAY.plusDays(7));
        assertStanding(program, Phase.WAITING_FOR_START, NextStep.TERM_START, null, START);

        play.fire(program, SchoolProgram.TERM_STARTS, START);
        assertStanding(program, Phase.TERM, NextStep.CHECK_IN, 1, START.plusDays(13));

        play.holdCheckIn(program, START.plusDays(3), 10);
        assertStanding(program, Phase.TERM, NextStep.CHECK_IN_WINDOW, 2, START.plusDays(14));

        play.fire(program, SchoolProgram.NEXT_WINDOW_OPENS, START.plusDays(14));
        assertStanding(program, Phase.TERM, NextStep.CHECK_IN, 2, START.plusDays(27));

        play.fire(program, SchoolProgram.TERM_ENDS, LAST_DAY.plusDays(1));
        assertStanding(program, Phase.CLOSE_OUT, NextStep.IMPACT_SUMMARY, null, LAST_DAY.plusDays(7));
    }

    @Test
    void shouldRecordWhereAProgramStandsWhenItsRowIsMissing() {
        fixture.today(TODAY);
        Program program = fixture.start(START, LAST_DAY, "P2W");
        play.schedule(program, TODAY, TODAY.plusDays(7));
        jdbc.sql("delete from program_standing where term_id = ?").param(program.term().id()).update();

        int added = reconciler.reconcile();

        assertThat(added).isPositive();
        assertStanding(program, Phase.ALIGNMENT, NextStep.ALIGNMENT_MEETING, null, TODAY.plusDays(7));
    }

    private void assertStanding(Program program, Phase phase, NextStep next, Integer number, LocalDate on) {
        Standing standing = standings.ofTerm(program.term().id()).orElseThrow();
        assertThat(standing).isEqualTo(new Standing(program.term().id(), program.school().id(),
                program.processInstanceId(), phase, next, number, on));
    }
}
