package app.tandem.dashboard;

/**
 * How many of the counted cases met an indicator's rule. Nothing counted yet means "no data yet",
 * which is never shown as 0 %. A school's yes-or-no indicator (4d.1, 4d.3) is a share of one.
 */
public record Share(int met, int counted) {

    public static final Share NO_DATA = new Share(0, 0);

    public Share {
        if (met < 0 || counted < 0 || met > counted) {
            throw new IllegalArgumentException("A share needs 0 <= met <= counted, not " + met + " of " + counted);
        }
    }

    public static Share met(boolean met) {
        return new Share(met ? 1 : 0, 1);
    }

    public boolean noData() {
        return counted == 0;
    }

    /** Whole percent, rounded half up; only meaningful when there is data. */
    public int percent() {
        return noData() ? 0 : (int) Math.round(met * 100.0 / counted);
    }

    public Share plus(Share other) {
        return new Share(met + other.met, counted + other.counted);
    }
}
