package app.tandem.campaign;

import java.util.Optional;

import org.springframework.stereotype.Component;

import app.tandem.notify.ContactSchools;
import app.tandem.notify.OutboxMessage;

/**
 * A refused mail to a campaign's contact (a co-design invitation, an answer to feedback) belongs to no school:
 * it belongs to the campaign's district, whose managers fix the address.
 */
@Component
class CampaignContactDistrict implements ContactSchools {

    private final CoDesignInvitations invitations;
    private final FeedbackLog feedback;
    private final Campaigns campaigns;

    CampaignContactDistrict(CoDesignInvitations invitations, FeedbackLog feedback, Campaigns campaigns) {
        this.invitations = invitations;
        this.feedback = feedback;
        this.campaigns = campaigns;
    }

    @Override
    public Optional<Long> schoolOf(OutboxMessage message) {
        return Optional.empty();
    }

    @Override
    public Optional<Long> districtOf(OutboxMessage message) {
        return campaignOf(message.idempotencyKey()).flatMap(campaigns::byId).map(Campaign::districtId);
    }

    private Optional<Long> campaignOf(String key) {
        if (key.startsWith("codesign-invitation:")) {
            return idAfter(key).flatMap(invitations::invitation).flatMap(i -> invitations.session(i.sessionId()))
                    .map(CoDesignSession::campaignId);
        }
        if (key.startsWith("feedback-answer:")) {
            return idAfter(key).flatMap(feedback::byId).map(Feedback::campaignId);
        }
        return Optional.empty();
    }

    private static Optional<Long> idAfter(String key) {
        try {
            return Optional.of(Long.parseLong(key.substring(key.indexOf(':') + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
