package app.tandem.assessment;

import java.time.LocalDateTime;

import app.tandem.dashboard.Indicator;

/**
 * A manager's word on one indicator of the district's self-assessment for a program year.
 *
 * @param proposed what Tandem proposed when the manager decided; null when there was no evidence yet
 */
public record Decision(long id, long districtId, String programYear, Indicator indicator, Rating proposed,
                       Rating rating, String note, String decidedBy, LocalDateTime decidedAt) {

    /** The manager kept Tandem's proposal. */
    public boolean confirmed() {
        return rating == proposed;
    }
}
