package app.tandem.assessment;

import java.util.Optional;

import app.tandem.dashboard.Share;

/**
 * Where an indicator's share of the evidence turns into a rating: "in place" from {@code inPlaceFrom} percent,
 * "partly in place" from {@code partlyFrom}, "not in place" below. No evidence yet is no rating at all.
 */
public record Thresholds(int inPlaceFrom, int partlyFrom) {

    public Thresholds {
        if (partlyFrom < 1 || inPlaceFrom > 100 || partlyFrom >= inPlaceFrom) {
            throw new IllegalArgumentException("Thresholds need 1 <= partly < in place <= 100, not " + partlyFrom
                    + " and " + inPlaceFrom);
        }
    }

    public Optional<Rating> rate(Share share) {
        if (share.noData()) {
            return Optional.empty();
        }
        if (share.percent() >= inPlaceFrom) {
            return Optional.of(Rating.IN_PLACE);
        }
        return Optional.of(share.percent() >= partlyFrom ? Rating.PARTLY_IN_PLACE : Rating.NOT_IN_PLACE);
    }
}
