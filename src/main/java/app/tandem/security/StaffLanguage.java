package app.tandem.security;

import java.security.Principal;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;

/**
 * Pages speak the language on the signed-in person's staff record, whatever their browser says: a
 * liaison on a shared school computer still reads Spanish. Before sign-in, and for accounts without
 * a staff record, the browser's language decides. Looked up once per session.
 */
@Component("localeResolver")
class StaffLanguage implements LocaleResolver {

    private static final String SESSION_KEY = StaffLanguage.class.getName();

    private final StaffDirectory staff;
    private final AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();

    StaffLanguage(StaffDirectory staff) {
        this.staff = staff;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Principal person = request.getUserPrincipal();
        if (person == null) {
            return browser.resolveLocale(request);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_KEY) instanceof Remembered remembered
                && remembered.username().equals(person.getName())) {
            return remembered.locale() != null ? remembered.locale() : browser.resolveLocale(request);
        }
        Locale chosen = staff.byUsername(person.getName())
                .map(StaffMember::preferredLanguage)
                .filter(language -> language != null && !language.isBlank())
                .map(Locale::forLanguageTag)
                .orElse(null);
        if (session != null) {
            session.setAttribute(SESSION_KEY, new Remembered(person.getName(), chosen));
        }
        return chosen != null ? chosen : browser.resolveLocale(request);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("The language comes from the staff record");
    }

    private record Remembered(String username, Locale locale) implements java.io.Serializable {
    }
}
