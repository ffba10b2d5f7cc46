package app.tandem.dashboard.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.tandem.dashboard.Evidence;
import app.tandem.dashboard.Indicator;
import app.tandem.dashboard.SchoolRow;
import app.tandem.directory.RoleLabels;
import app.tandem.system.Formats;
import app.tandem.system.Messages;

/**
 * Chart data for Chart.js, as JSON a page carries in a {@code data-chart} attribute (the
 * Content-Security-Policy allows no inline script). Colours and axes are the script's business.
 */
@Component
class Charts {

    private final ObjectMapper json;
    private final Messages messages;
    private final RoleLabels roleLabels;
    private final Formats formats;

    Charts(ObjectMapper json, Messages messages, RoleLabels roleLabels, Formats formats) {
        this.formats = formats;
        this.roleLabels = roleLabels;
        this.json = json;
        this.messages = messages;
    }

    /** @param percent values are percentages (0 to 100); null draws nothing ("no data yet") */
    record Spec(String type, boolean horizontal, boolean percent, boolean stacked, List<String> labels,
                List<Dataset> datasets) {
    }

    record Dataset(String label, List<? extends Number> data) {
    }

    String indicatorsPerSchool(List<SchoolRow> rows) {
        List<String> labels = rows.stream().map(r -> r.program().schoolName()).toList();
        List<Dataset> datasets = new ArrayList<>();
        for (Indicator indicator : List.of(Indicator.ALIGNMENT, Indicator.CHECK_INS, Indicator.CLOSE_OUT)) {
            List<Integer> values = rows.stream()
                    .map(r -> r.indicator(indicator).noData() ? null : r.indicator(indicator).percent())
                    .toList();
            datasets.add(new Dataset(indicator.code() + " " + messages.text(indicator.nameKey()), values));
        }
        return write(new Spec("bar", true, true, false, labels, datasets));
    }

    String overdueByRole(Map<String, Integer> overdueByRole) {
        List<String> labels = overdueByRole.keySet().stream().map(roleLabels::label).toList();
        return write(new Spec("bar", false, false, false, labels,
                List.of(new Dataset(messages.text("dashboard.chart.overdue.dataset"),
                        List.copyOf(overdueByRole.values())))));
    }

    /** Check-ins counted and held within their window, per week of their due day. */
    String checkInsOverTime(List<Evidence.CheckInDay> days) {
        Map<LocalDate, int[]> weeks = new TreeMap<>();
        for (Evidence.CheckInDay day : days) {
            LocalDate week = day.dueOn().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            int[] tally = weeks.computeIfAbsent(week, w -> new int[2]);
            tally[0] += day.counted();
            tally[1] += day.heldInTime();
        }
        List<String> labels = weeks.keySet().stream().map(formats::day).toList();
        return write(new Spec("bar", false, false, false, labels, List.of(
                new Dataset(messages.text("dashboard.chart.checkIns.scheduled"),
                        weeks.values().stream().map(t -> t[0]).toList()),
                new Dataset(messages.text("dashboard.chart.checkIns.held"),
                        weeks.values().stream().map(t -> t[1]).toList()))));
    }

    /** One term: check-ins due so far and held within their window, added up window by window. */
    String checkInsOfTerm(List<Evidence.MilestoneRecord> checkIns, LocalDate today) {
        List<String> labels = new ArrayList<>();
        List<Integer> due = new ArrayList<>();
        List<Integer> held = new ArrayList<>();
        int dueSoFar = 0;
        int heldSoFar = 0;
        for (Evidence.MilestoneRecord checkIn : checkIns) {
            boolean counted = checkIn.status() != app.tandem.program.MilestoneStatus.PLANNED
                    || checkIn.dueOn().isBefore(today);
            if (!counted) {
                continue;
            }
            dueSoFar++;
            heldSoFar += checkIn.heldInTime() ? 1 : 0;
            labels.add(messages.text("dashboard.timeline.checkIn", checkIn.sequenceNo()));
            due.add(dueSoFar);
            held.add(heldSoFar);
        }
        return write(new Spec("line", false, false, false, labels, List.of(
                new Dataset(messages.text("dashboard.chart.checkIns.scheduled"), due),
                new Dataset(messages.text("dashboard.chart.checkIns.held"), held))));
    }

    private String write(Spec spec) {
        try {
            return json.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Chart data could not be written as JSON", e);
        }
    }
}
