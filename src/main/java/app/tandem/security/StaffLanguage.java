package app.tandem.security;

import java.security.Principal;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.system.PageLanguage;

/**
 * Pages speak the language on the signed-in person's staff record, whatever their browser says: a
 * liaison on a shared school computer still reads Spanish. A page for someone without an account may
 * name the language Tandem knows they read ({@link PageLanguage}). Otherwise the browser's language
 * decides. Read once per request, so a language changed on the preferences page shows on the next page.
 */
@Component("localeResolver")
class StaffLanguage implements LocaleResolver {

    private static final String REQUEST_KEY = StaffLanguage.class.getName();

    private final StaffDirectory staff;
    private final AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();

    StaffLanguage(StaffDirectory staff) {
        this.staff = staff;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Optional<Locale> named = PageLanguage.of(request);
        if (named.isPresent()) {
            return named.get();
        }
        Principal person = request.getUserPrincipal();
        if (person == null) {
            return browser.resolveLocale(request);
        }
        if (request.getAttribute(REQUEST_KEY) instanceof Locale remembered) {
            return remembered;
        }
        Locale chosen = staff.byUsername(person.getName())
                .map(StaffMember::preferredLanguage)
                .filter(language -> language != null && !language.isBlank())
                .map(Locale::forLanguageTag)
                .orElseGet(() -> browser.resolveLocale(request));
        request.setAttribute(REQUEST_KEY, chosen);
        return chosen;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("The language comes from the staff record");
    }
}
