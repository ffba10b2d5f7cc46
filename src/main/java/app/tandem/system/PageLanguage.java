package app.tandem.system;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A page answered to someone without an account in the language Tandem already knows they read (an invitee's,
 * a caregiver's), whatever their browser says. The locale resolver reads it before anything else.
 */
public final class PageLanguage {

    private static final String ATTRIBUTE = PageLanguage.class.getName();

    private PageLanguage() {
    }

    public static void use(HttpServletRequest request, String languageTag) {
        if (languageTag != null && !languageTag.isBlank()) {
            request.setAttribute(ATTRIBUTE, Locale.forLanguageTag(languageTag));
        }
    }

    public static Optional<Locale> of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Locale locale ? Optional.of(locale) : Optional.empty();
    }
}
