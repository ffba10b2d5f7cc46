package app.tandem.tasklist;

import java.util.Map;
import java.util.Set;

/**
 * How many tasks each tab of the task list holds. A count in {@code atLeast} stopped at a limit and
 * is a lower bound: the tab then reads "1,000+" instead of counting a whole district's open tasks on
 * every request.
 */
public record InboxCounts(Map<InboxView, Long> values, Set<InboxView> atLeast) {

    public long get(InboxView view) {
        return values.getOrDefault(view, 0L);
    }

    public boolean atLeast(InboxView view) {
        return atLeast.contains(view);
    }
}
