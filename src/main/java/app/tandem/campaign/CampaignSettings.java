package app.tandem.campaign;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param rsvpSecret               signs co-design RSVP links (HMAC-SHA256); when blank, a key made once and
 *                                 kept in the database is used
 * @param mapWithin                how long a manager has to map the decision-makers once a campaign starts
 * @param planWithin               how long to draft the communication plan (again, after a send-back)
 * @param approvalWithin           how long the approving manager has to decide on a submitted plan
 * @param playbookWorkWithin       how long after approval the fixed playbook work is due
 * @param touchpointReminderBefore how long before a touchpoint's due day its owner is reminded
 * @param touchpointGrace          how long after its due day a touchpoint may still be recorded before it is missed
 * @param feedbackAnswerWithin     how long the owner has to answer a stakeholder's feedback
 * @param feedbackReminderBefore   how long before that deadline the owner is reminded
 * @param reviewWithin             how long after the campaign's last day the long-term planning review is due
 */
@ConfigurationProperties("tandem.campaign")
record CampaignSettings(String rsvpSecret, Period mapWithin, Period planWithin, Period approvalWithin,
                        Period playbookWorkWithin, Period touchpointReminderBefore, Period touchpointGrace,
                        Period feedbackAnswerWithin, Period feedbackReminderBefore, Period reviewWithin) {
}
