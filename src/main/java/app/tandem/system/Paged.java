package app.tandem.system;

import java.util.List;

/**
 * One page of a longer list, as an admin page shows it with the shared pager ({@code fragments/pager}).
 *
 * @param number the page shown, from 1
 * @param total  how many rows the whole list has
 */
public record Paged<T>(List<T> rows, int number, int size, long total) {

    public Paged {
        rows = List.copyOf(rows);
    }

    /** The page to show for the one asked for: at least the first, at most the last. */
    public static int within(int asked, int size, long total) {
        return (int) Math.min(Math.max(asked, 1), pagesOf(size, total));
    }

    public int pages() {
        return (int) pagesOf(size, total);
    }

    public long offset() {
        return (long) (number - 1) * size;
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < pages();
    }

    /** The first row's place in the whole list, from 1; 0 when there is none. */
    public long first() {
        return rows.isEmpty() ? 0 : offset() + 1;
    }

    public long last() {
        return offset() + rows.size();
    }

    public <R> Paged<R> map(java.util.function.Function<T, R> each) {
        return new Paged<>(rows.stream().map(each).toList(), number, size, total);
    }

    private static long pagesOf(int size, long total) {
        return Math.max(1, (total + size - 1) / size);
    }
}
