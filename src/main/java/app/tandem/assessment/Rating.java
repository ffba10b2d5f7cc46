package app.tandem.assessment;

import java.util.Arrays;
import java.util.Optional;

/** How far an indicator of the self-assessment is in place, in the LEA self-assessment's three steps. */
public enum Rating {
    IN_PLACE("#2e7d32"),
    PARTLY_IN_PLACE("#b26a00"),
    NOT_IN_PLACE("#c62828");

    private final String fill;

    Rating(String fill) {
        this.fill = fill;
    }

    public String messageKey() {
        return "assessment.rating." + name();
    }

    public String cssClass() {
        return "rating-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The chart's colour: an SVG attribute, since the PDF's SVG renderer reads no page stylesheet. */
    public String fill() {
        return fill;
    }

    public static Optional<Rating> parse(String value) {
        return Arrays.stream(values()).filter(r -> r.name().equals(value)).findFirst();
    }
}
