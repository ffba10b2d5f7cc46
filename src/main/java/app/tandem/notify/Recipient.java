package app.tandem.notify;

import java.util.Locale;

/** Someone Tandem writes to: a staff member's username (when staff), name, address and language. */
public record Recipient(String username, String name, String address, String language) {

    public Locale locale() {
        return Locale.forLanguageTag(language == null || language.isBlank() ? "en" : language);
    }
}
