package app.tandem.family.roster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How many rows of each kind added something new, changed what was there, or changed nothing; and under
 * {@code term}, how many of the school rows' terms were planned or planned already. The totals count rows.
 */
public record RosterSummary(Map<String, Counts> byRecord) {

    static final String TERMS = "term";

    public record Counts(int added, int updated, int unchanged) {
    }

    static RosterSummary empty() {
        return of(RosterColumns.RECORDS);
    }

    /** Nothing counted yet, for an import whose rows are of these kinds. */
    public static RosterSummary of(java.util.List<String> records) {
        Map<String, Counts> counts = new LinkedHashMap<>();
        records.forEach(r -> counts.put(r, new Counts(0, 0, 0)));
        counts.put(TERMS, new Counts(0, 0, 0));
        return new RosterSummary(counts);
    }

    public void count(String record, Change change) {
        Counts c = byRecord.get(record);
        byRecord.put(record, switch (change) {
            case ADDED -> new Counts(c.added() + 1, c.updated(), c.unchanged());
            case UPDATED -> new Counts(c.added(), c.updated() + 1, c.unchanged());
            case UNCHANGED -> new Counts(c.added(), c.updated(), c.unchanged() + 1);
        });
    }

    public int added() {
        return rows().mapToInt(Counts::added).sum();
    }

    public int updated() {
        return rows().mapToInt(Counts::updated).sum();
    }

    public int unchanged() {
        return rows().mapToInt(Counts::unchanged).sum();
    }

    /** Terms planned by this file; those it names that were planned already are {@code unchanged}. */
    public Counts terms() {
        return byRecord.get(TERMS);
    }

    private Stream<Counts> rows() {
        return byRecord.entrySet().stream().filter(e -> !TERMS.equals(e.getKey())).map(Map.Entry::getValue);
    }

    public enum Change { ADDED, UPDATED, UNCHANGED }
}
