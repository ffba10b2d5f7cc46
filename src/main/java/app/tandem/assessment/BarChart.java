package app.tandem.assessment;

import java.util.ArrayList;
import java.util.List;

import app.tandem.dashboard.Share;

/**
 * One indicator across terms as a bar chart, laid out here so the page can draw it as inline SVG: the same
 * drawing on screen, on paper and in the PDF, with no script. Coordinates are in the SVG's own units.
 */
public record BarChart(int width, int height, double plotLeft, double plotRight, double baseY, double topY,
                       double inPlaceY, double partlyY, List<Bar> bars) {

    private static final int WIDTH = 520;
    private static final int HEIGHT = 210;
    private static final double LEFT = 40;
    private static final double RIGHT = 10;
    private static final double TOP = 18;
    private static final double BOTTOM = 40;
    private static final int LABEL_LENGTH = 16;

    /**
     * @param height  zero when there is no data: only the value label shows
     * @param value   the figure above the bar, such as "80 %", or "–" for no data yet
     */
    public record Bar(double x, double y, double width, double height, double centerX, String label, String value,
                      String fill) {
    }

    /** A term's label and its share, in the order the bars stand. */
    public record Point(String label, Share share) {
    }

    public static BarChart of(List<Point> points, Thresholds thresholds, String noData) {
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double baseY = TOP + plotHeight;
        double slot = plotWidth / Math.max(1, points.size());
        double barWidth = Math.min(60, slot * 0.6);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Point point = points.get(i);
            Share share = point.share();
            double centerX = LEFT + slot * i + slot / 2;
            double height = share.noData() ? 0 : plotHeight * share.percent() / 100.0;
            String fill = thresholds.rate(share).map(Rating::fill).orElse("#9e9e9e");
            bars.add(new Bar(centerX - barWidth / 2, baseY - height, barWidth, height, centerX,
                    shortened(point.label()), share.noData() ? noData : share.percent() + " %", fill));
        }
        return new BarChart(WIDTH, HEIGHT, LEFT, WIDTH - RIGHT, baseY, TOP,
                baseY - plotHeight * thresholds.inPlaceFrom() / 100.0,
                baseY - plotHeight * thresholds.partlyFrom() / 100.0, bars);
    }

    public String viewBox() {
        return "0 0 " + width + " " + height;
    }

    public double middleY() {
        return (baseY + topY) / 2;
    }

    private static String shortened(String label) {
        return label.length() <= LABEL_LENGTH ? label : label.substring(0, LABEL_LENGTH - 1).strip() + "…";
    }
}
