package app.tandem.campaign;

import java.time.LocalDateTime;

/** The long-term planning review at the end of the year: what to keep, what to change, what to fund. */
public record YearReview(long campaignId, String keepDoing, String changeNext, String fundNext, NextYear nextYear,
                  String reviewedBy, LocalDateTime reviewedAt) {
}
