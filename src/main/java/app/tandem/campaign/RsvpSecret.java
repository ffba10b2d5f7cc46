package app.tandem.campaign;

import org.springframework.stereotype.Component;

import app.tandem.system.SigningKey;
import app.tandem.system.SigningKeys;

/** The key that signs RSVP links: {@code tandem.campaign.rsvp-secret} when configured, else one Tandem keeps. */
@Component
class RsvpSecret {

    private static final String NAME = "rsvp-link";

    private final SigningKeys keys;
    private final String configured;

    RsvpSecret(SigningKeys keys, CampaignSettings settings) {
        this.keys = keys;
        this.configured = SigningKeys.checked(settings.rsvpSecret(), "tandem.campaign.rsvp-secret (TANDEM_RSVP_SECRET)");
    }

    SigningKey key() {
        return keys.key(NAME, configured);
    }
}
