package app.tandem.family.roster;

import java.util.LinkedHashMap;
import java.util.Map;

/** How many rows of each kind added something new, changed what was there, or changed nothing. */
public record RosterSummary(Map<String, Counts> byRecord) {

    public record Counts(int added, int updated, int unchanged) {
    }

    static RosterSummary empty() {
        return of(RosterColumns.RECORDS);
    }

    /** Nothing counted yet, for an import whose rows are of these kinds. */
    public static RosterSummary of(java.util.List<String> records) {
        Map<String, Counts> counts = new LinkedHashMap<>();
        records.forEach(r -> counts.put(r, new Counts(0, 0, 0)));
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
        return byRecord.values().stream().mapToInt(Counts::added).sum();
    }

    public int updated() {
        return byRecord.values().stream().mapToInt(Counts::updated).sum();
    }

    public int unchanged() {
        return byRecord.values().stream().mapToInt(Counts::unchanged).sum();
    }

    public enum Change { ADDED, UPDATED, UNCHANGED }
}
