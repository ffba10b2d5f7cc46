package app.tandem.family;

import java.time.Instant;

/** A caregiver whose address unsubscribed: when, and how (a notify OptOutSource name). */
public record OptedOutCaregiver(Caregiver caregiver, Instant optedOutAt, String source) {

    public String sourceKey() {
        return "optOut.source." + source.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
