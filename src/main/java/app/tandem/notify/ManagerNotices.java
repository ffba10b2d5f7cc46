package app.tandem.notify;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * Things the district's managers must hear about a school that no task carries. Each is one mail per manager
 * and subject through the outbox, however many tasks ran into it.
 */
@Service
public class ManagerNotices {

    private final Recipients recipients;
    private final MailComposer composer;
    private final Outbox outbox;

    ManagerNotices(Recipients recipients, MailComposer composer, Outbox outbox) {
        this.recipients = recipients;
        this.composer = composer;
        this.outbox = outbox;
    }

    /** No active liaison of the school speaks a family's language: its work went to all the school's liaisons. */
    public void languageWithoutLiaison(long schoolId, long termId, String language) {
        String school = recipients.schoolName(schoolId).orElse("");
        for (Recipient manager : recipients.managersOfSchool(schoolId)) {
            Locale locale = manager.locale();
            String languageName = Locale.forLanguageTag(language).getDisplayLanguage(locale);
            String key = MessageKind.LANGUAGE_WITHOUT_LIAISON.template() + ":" + termId + ":" + schoolId + ":"
                    + language + ":" + manager.username();
            outbox.enqueue(composer.compose(key, MessageKind.LANGUAGE_WITHOUT_LIAISON, manager,
                    new Object[] {languageName, school},
                    Map.of("notice", Map.of("language", languageName, "school", school)), null));
        }
    }
}
