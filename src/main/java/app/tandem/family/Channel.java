package app.tandem.family;

import java.util.Locale;
import java.util.Optional;

/** How a caregiver prefers to hear from the program. */
public enum Channel {
    EMAIL("email"),
    PHONE_CALL("phone-call"),
    PAPER_NOTE("paper-note");

    private final String code;

    Channel(String code) {
        this.code = code;
    }

    /** The word the roster file and forms use. */
    public String code() {
        return code;
    }

    public String messageKey() {
        return "family.channel." + code;
    }

    public static Optional<Channel> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Channel channel : values()) {
            if (channel.code.equals(wanted) || channel.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(wanted)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
