package app.tandem.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import app.tandem.campaign.YearReview;
import app.tandem.dashboard.Indicator;
import app.tandem.dashboard.Share;
import app.tandem.directory.ProgramYear;

/**
 * The self-assessment of a district or of one school for a program year: indicators 4d.1 to 4e.3 with their
 * figures, Tandem's proposed rating, the manager's word on it (district only), each term's figure, the years
 * side by side and what the district will do next.
 *
 * @param schoolId null for the district's report
 * @param years    every program year with evidence, oldest first, for choosing another one
 * @param review   the campaign's long-term planning review of the year, when one was recorded
 */
public record Report(long districtId, Long schoolId, String title, ProgramYear year, List<String> years,
                     List<TermColumn> terms, List<Line> lines, List<String> sideBySide, Optional<YearReview> review,
                     Long campaignId, LocalDate preparedOn) {

    public boolean district() {
        return schoolId == null;
    }

    public boolean hasEvidence() {
        return !terms.isEmpty();
    }

    public Line line(Indicator indicator) {
        return lines.stream().filter(line -> line.indicator() == indicator).findFirst().orElseThrow();
    }

    public Optional<String> yearBefore() {
        int index = sideBySide.indexOf(year.name());
        return index > 0 ? Optional.of(sideBySide.get(index - 1)) : Optional.empty();
    }

    /**
     * A term of the year: for a district, the terms its schools share a code for; for a school, one term.
     *
     * @param termId the school's term, for its evidence page; null in a district's report
     */
    public record TermColumn(String label, LocalDate startsOn, LocalDate endsOn, int schools, Long termId) {
    }

    /**
     * One indicator.
     *
     * @param proposed  Tandem's rating from the evidence, or null when there is none yet
     * @param decision  the manager's latest confirmation or override, or null
     * @param perTerm   the figure of each of {@link Report#terms()}, in that order
     * @param byYear    the figure of each of {@link Report#sideBySide()}, in that order
     */
    public record Line(Indicator indicator, Share share, Thresholds thresholds, Rating proposed, Decision decision,
                       List<Share> perTerm, List<YearFigure> byYear, BarChart chart) {

        /** What stands: the manager's rating, or else Tandem's proposal. */
        public Rating rating() {
            return decision != null ? decision.rating() : proposed;
        }

        public boolean overridden() {
            return decision != null && !decision.confirmed();
        }

        /** The evidence moved since the manager decided, so Tandem would now propose something else. */
        public boolean proposalMoved() {
            return decision != null && decision.proposed() != proposed;
        }

        /** Percentage points since the year before, or null when either year has no evidence. */
        public Integer change() {
            if (byYear.size() < 2) {
                return null;
            }
            Share now = byYear.get(byYear.size() - 1).share();
            Share before = byYear.get(byYear.size() - 2).share();
            return now.noData() || before.noData() ? null : now.percent() - before.percent();
        }
    }

    public record YearFigure(String year, Share share, Rating rating) {
    }
}
