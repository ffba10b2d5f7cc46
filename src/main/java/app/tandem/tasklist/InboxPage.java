package app.tandem.tasklist;

import java.util.List;

/**
 * One page of a tab, with how many tasks the tab holds in all; when {@code totalAtLeast}, the tab
 * holds at least {@code total} (its count stopped at a limit).
 */
public record InboxPage(List<InboxRow> rows, int page, int pageSize, long total, boolean totalAtLeast) {

    public int pages() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }

    public long firstShown() {
        return rows.isEmpty() ? 0 : (long) page * pageSize + 1;
    }

    public long lastShown() {
        return (long) page * pageSize + rows.size();
    }
}
