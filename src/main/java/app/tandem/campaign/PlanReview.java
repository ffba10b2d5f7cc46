package app.tandem.campaign;

import java.time.LocalDateTime;

/** A manager's decision on a submitted plan, with their comments. */
record PlanReview(long id, long campaignId, int roundNo, PlanStatus decision, String comment, String decidedBy,
                  LocalDateTime decidedAt) {
}
