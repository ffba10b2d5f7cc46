package app.tandem.campaign;

import java.time.LocalDate;
import java.time.Period;

/**
 * One row of the communication plan: who to reach, with what message and ask, by whom, how, in which
 * language, how often (an ISO-8601 cadence counted from the anchor date) and how their feedback comes back.
 */
public record PlanRow(long id, long campaignId, int sortOrder, StakeholderGroup group, String audience,
                      String keyMessage, String theAsk, String ownerUsername, Channel channel, String language,
                      Period cadence, LocalDate anchorOn, String feedbackLoop) {
}
