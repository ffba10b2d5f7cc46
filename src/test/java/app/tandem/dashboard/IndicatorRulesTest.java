package app.tandem.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;

import org.junit.jupiter.api.Test;

import app.tandem.program.MilestoneStatus;

class IndicatorRulesTest {

    private static final LocalDate START = LocalDate.of(2027, 2, 1);
    private static final LocalDate END = LocalDate.of(2027, 4, 30);

    private static final Period CLOSE_OUT_WITHIN = Period.ofDays(14);

    private final IndicatorRules rules = new IndicatorRules();

    @Test
    void shouldMeet4d1WhenTheAlignmentMeetingWasHeldTheDayBeforeTheStart() {
        TermEvidence evidence = alignment(MilestoneStatus.HELD, START.minusDays(1));

        assertThat(rules.alignment(evidence, START.plusDays(10))).isEqualTo(new Share(1, 1));
    }

    @Test
    void shouldNotMeet4d1WhenTheAlignmentMeetingWasHeldOnTheFirstDayOfTerm() {
        TermEvidence evidence = alignment(MilestoneStatus.HELD, START);

        assertThat(rules.alignment(evidence, START)).isEqualTo(new Share(0, 1));
    }

    @Test
    void shouldHaveNoDataFor4d1WhileTheMeetingIsPlannedAndTheTermHasNotStarted() {
        TermEvidence evidence = alignment(MilestoneStatus.PLANNED, null);

        assertThat(rules.alignment(evidence, START.minusDays(1)).noData()).isTrue();
        assertThat(rules.alignment(TermEvidence.none(1, START, END), START.minusDays(20)).noData()).isTrue();
    }

    @Test
    void shouldNotMeet4d1OnceTheTermStartedWithoutTheMeeting() {
        assertThat(rules.alignment(alignment(MilestoneStatus.PLANNED, null), START)).isEqualTo(new Share(0, 1));
        assertThat(rules.alignment(TermEvidence.none(1, START, END), START)).isEqualTo(new Share(0, 1));
    }

    @Test
    void shouldCount4d2OnlyOverWindowsThatClosedOrWereHeld() {
        TermEvidence evidence = new TermEvidence(1, START, END, MilestoneStatus.HELD, START.minusDays(3),
                START.minusDays(1), 5, 3, 2, null, null, null);

        Share share = rules.checkIns(evidence);

        assertThat(share).isEqualTo(new Share(2, 3));
        assertThat(share.percent()).isEqualTo(67);
    }

    @Test
    void shouldHaveNoDataFor4d2BeforeAnyWindowClosed() {
        TermEvidence evidence = new TermEvidence(1, START, END, null, null, null, 1, 0, 0, null, null, null);

        assertThat(rules.checkIns(evidence).noData()).isTrue();
    }

    @Test
    void shouldMeet4d3WhenTheCloseOutWasHeldOnTheLastAllowedDay() {
        assertThat(rules.closeOut(closeOut(MilestoneStatus.HELD, END.plusDays(14)), CLOSE_OUT_WITHIN, END.plusDays(20)))
                .isEqualTo(new Share(1, 1));
    }

    @Test
    void shouldNotMeet4d3WhenTheCloseOutWasHeldADayTooLate() {
        assertThat(rules.closeOut(closeOut(MilestoneStatus.HELD, END.plusDays(15)), CLOSE_OUT_WITHIN, END.plusDays(20)))
                .isEqualTo(new Share(0, 1));
    }

    @Test
    void shouldWaitFor4d3UntilTheAllowedDaysHavePassed() {
        TermEvidence notYetHeld = TermEvidence.none(1, START, END);

        assertThat(rules.closeOut(notYetHeld, CLOSE_OUT_WITHIN, END.plusDays(14)).noData()).isTrue();
        assertThat(rules.closeOut(notYetHeld, CLOSE_OUT_WITHIN, END.plusDays(15))).isEqualTo(new Share(0, 1));
    }

    @Test
    void shouldNeverShowNoDataAsZeroPercentInTheStatus() {
        assertThat(RowStatus.of(java.util.List.of(Share.NO_DATA, Share.NO_DATA), 0, 0)).isEqualTo(RowStatus.GREEN);
        assertThat(RowStatus.of(java.util.List.of(new Share(1, 2)), 0, 0)).isEqualTo(RowStatus.AMBER);
        assertThat(RowStatus.of(java.util.List.of(new Share(1, 3)), 0, 0)).isEqualTo(RowStatus.RED);
        assertThat(RowStatus.of(java.util.List.of(Share.met(true)), 1, 0)).isEqualTo(RowStatus.AMBER);
        assertThat(RowStatus.of(java.util.List.of(Share.met(true)), 0, 1)).isEqualTo(RowStatus.RED);
    }

    private static TermEvidence alignment(MilestoneStatus status, LocalDate heldOn) {
        return new TermEvidence(1, START, END, status, heldOn, START.minusDays(1), 0, 0, 0, null, null, null);
    }

    private static TermEvidence closeOut(MilestoneStatus status, LocalDate heldOn) {
        return new TermEvidence(1, START, END, MilestoneStatus.HELD, START.minusDays(2), START.minusDays(1), 6, 6, 6,
                status, heldOn, END.plusDays(14));
    }
}
