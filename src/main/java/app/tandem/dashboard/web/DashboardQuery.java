package app.tandem.dashboard.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import app.tandem.dashboard.Indicator;
import app.tandem.dashboard.Phase;
import app.tandem.dashboard.RowStatus;
import app.tandem.dashboard.SchoolRow;
import app.tandem.dashboard.Share;
import app.tandem.dashboard.TermChoice;

/**
 * What a person asked the dashboard list for: a name filter, a phase, a status, an order, a page, and which terms
 * ({@link TermChoice}: when, and a term name).
 * Unknown values fall back to the defaults rather than fail, so an edited address still shows a list.
 */
public record DashboardQuery(String q, Phase phase, RowStatus status, String sort, boolean descending, int page,
                             String terms, String term) {

    static final int PAGE_SIZE = 25;
    static final List<String> SORTS = List.of("school", "term", "phase", "next", "status", "overdue", "4d.1", "4d.2",
            "4d.3");

    public static DashboardQuery of(String q, String phase, String status, String sort, String dir, Integer page) {
        return of(q, phase, status, sort, dir, page, TermChoice.EVERY_TERM);
    }

    /** With the terms chosen ({@link TermChoice}), which every link of the list keeps. */
    public static DashboardQuery of(String q, String phase, String status, String sort, String dir, Integer page,
                                    TermChoice terms) {
        return new DashboardQuery(q == null ? "" : q.strip(), parse(Phase.class, phase), parse(RowStatus.class, status),
                sort != null && SORTS.contains(sort) ? sort : "status", "desc".equals(dir), page == null || page < 1 ? 1 : page,
                terms.when(), terms.name());
    }

    /** A page of the filtered, sorted rows. */
    public record Page(List<SchoolRow> rows, int number, int pages, int total, int first, int last) {
        public boolean hasPrevious() {
            return number > 1;
        }

        public boolean hasNext() {
            return number < pages;
        }
    }

    List<SchoolRow> filter(List<SchoolRow> rows) {
        String needle = q.toLowerCase(Locale.ROOT);
        return rows.stream()
                .filter(r -> needle.isEmpty() || r.program().schoolName().toLowerCase(Locale.ROOT).contains(needle)
                        || r.program().schoolCode().toLowerCase(Locale.ROOT).contains(needle))
                .filter(r -> phase == null || r.phase() == phase)
                .filter(r -> status == null || r.status() == status)
                .sorted(descending ? comparator().reversed() : comparator())
                .toList();
    }

    Page page(List<SchoolRow> rows) {
        List<SchoolRow> filtered = filter(rows);
        int pages = Math.max(1, (filtered.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int number = Math.min(page, pages);
        int from = (number - 1) * PAGE_SIZE;
        int to = Math.min(filtered.size(), from + PAGE_SIZE);
        return new Page(filtered.subList(from, to), number, pages, filtered.size(), filtered.isEmpty() ? 0 : from + 1,
                to);
    }

    /** The same query with another order: the column's natural direction, or flipped when already sorted by it. */
    public DashboardQuery sortedBy(String column) {
        boolean flip = column.equals(sort) && !descending;
        return new DashboardQuery(q, phase, status, column, flip, 1, terms, term);
    }

    public DashboardQuery onPage(int number) {
        return new DashboardQuery(q, phase, status, sort, descending, number, terms, term);
    }

    public String dir() {
        return descending ? "desc" : "asc";
    }

    /** For a column header's aria-sort. */
    public String ariaSort(String column) {
        if (!column.equals(sort)) {
            return "none";
        }
        return descending ? "descending" : "ascending";
    }

    private Comparator<SchoolRow> comparator() {
        Comparator<SchoolRow> bySchool = Comparator.comparing((SchoolRow r) -> r.program().schoolName(),
                String.CASE_INSENSITIVE_ORDER).thenComparing(r -> r.program().startsOn());
        Comparator<SchoolRow> primary = switch (sort) {
            case "school" -> bySchool;
            case "term" -> Comparator.comparing((SchoolRow r) -> r.program().startsOn());
            case "phase" -> Comparator.comparing(SchoolRow::phase);
            case "next" -> Comparator.comparing((SchoolRow r) -> r.program().standing().nextOn(),
                    Comparator.nullsLast(Comparator.naturalOrder()));
            case "overdue" -> Comparator.comparingInt(SchoolRow::overdueTasks).reversed();
            case "4d.1" -> byIndicator(Indicator.ALIGNMENT);
            case "4d.2" -> byIndicator(Indicator.CHECK_INS);
            case "4d.3" -> byIndicator(Indicator.CLOSE_OUT);
            default -> Comparator.comparing(SchoolRow::status);
        };
        return primary.thenComparing(bySchool);
    }

    /** Lowest share first; "no data yet" after every share. */
    private static Comparator<SchoolRow> byIndicator(Indicator indicator) {
        Function<SchoolRow, Share> share = r -> r.indicator(indicator);
        return Comparator.comparing((SchoolRow r) -> share.apply(r).noData())
                .thenComparingDouble(r -> share.apply(r).noData() ? 0 : (double) share.apply(r).met()
                        / share.apply(r).counted());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
