package app.tandem.directory;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What to call a group on a page: its role's name, or for a language's liaisons ("liaisons-vi")
 * "Family liaisons (Vietnamese)"; a group Tandem does not know keeps its id.
 */
@Component("roleLabels")
public class RoleLabels {

    private static final String LANGUAGE_LIAISONS = Role.LIAISON.groupId() + "-";

    private final MessageSource messages;

    public RoleLabels(MessageSource messages) {
        this.messages = messages;
    }

    public String label(String groupId) {
        Locale locale = LocaleContextHolder.getLocale();
        String known = messages.getMessage("role." + groupId, null, null, locale);
        if (known != null) {
            return known;
        }
        if (groupId.startsWith(LANGUAGE_LIAISONS)) {
            String language = Locale.forLanguageTag(groupId.substring(LANGUAGE_LIAISONS.length()))
                    .getDisplayLanguage(locale);
            return messages.getMessage("role.liaisons.language", new Object[] {language}, locale);
        }
        return groupId;
    }
}
