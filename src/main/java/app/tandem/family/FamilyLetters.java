package app.tandem.family;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.tandem.system.Formats;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.directory.Term;
import app.tandem.directory.Terms;
import app.tandem.notify.MailComposer;
import app.tandem.notify.MessageKind;
import app.tandem.notify.OutgoingMessage;
import app.tandem.notify.Recipient;
import app.tandem.system.DistrictClock;

/**
 * Writes a family message in the language it goes out in: the caregiver's own when it has reviewed
 * texts (the bundles, or every phrase of the update or introduction in the phrase book) or a liaison translated
 * it, English when no one could. The same letter is the email, the
 * script of a phone call and the note that goes home.
 */
@Component
public class FamilyLetters {

    /** A composed letter and the language it is written in. */
    public record Letter(OutgoingMessage message, String language) {
    }

    /** A staff member families can reach; {@code role} is coordinator or liaison. */
    public record Contact(String role, String name, String email) {
    }

    /** A child of the caregiver, as the introduction names them. */
    public record Child(String name, String tutoringGroup, int sessionsPerWeek) {
    }

    private final FamilyMessages messages;
    private final Families families;
    private final CaregiverUpdates updates;
    private final FamilyLanguages languages;
    private final PhraseBook phraseBook;
    private final Schools schools;
    private final Terms terms;
    private final MailComposer composer;
    private final DistrictClock clock;
    private final JdbcClient jdbc;

    FamilyLetters(FamilyMessages messages, Families families, CaregiverUpdates updates, FamilyLanguages languages,
                  PhraseBook phraseBook, Schools schools, Terms terms, MailComposer composer, DistrictClock clock,
                  JdbcClient jdbc) {
        this.messages = messages;
        this.families = families;
        this.updates = updates;
        this.languages = languages;
        this.phraseBook = phraseBook;
        this.schools = schools;
        this.terms = terms;
        this.composer = composer;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    public static String idempotencyKey(long familyMessageId) {
        return "family-message:" + familyMessageId;
    }

    public static Optional<Long> familyMessageIdOf(String idempotencyKey) {
        if (idempotencyKey == null || !idempotencyKey.startsWith("family-message:")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(idempotencyKey.substring("family-message:".length())));
    }

    /** Whether a liaison has to translate before this message can go out. */
    public boolean needsTranslation(FamilyMessage message) {
        return !reviewedIn(message, message.preferredLanguage());
    }

    /** Whether the message can be written in the language from reviewed texts alone. */
    private boolean reviewedIn(FamilyMessage message, String language) {
        if (languages.isReviewed(language)) {
            return true;
        }
        if (message.kind() == FamilyMessageKind.INTRODUCTION) {
            return phraseBook.coversIntroduction(language);
        }
        return message.kind() == FamilyMessageKind.PROGRESS_UPDATE && message.updateId() != null
                && phraseBook.covers(language, updates.find(message.updateId()).map(CaregiverUpdates.Update::draft)
                        .orElse(null));
    }

    /** The language the message goes out in now. */
    public String languageOf(FamilyMessage message) {
        if (reviewedIn(message, message.preferredLanguage())) {
            return message.preferredLanguage();
        }
        return updates.translationFor(message, message.preferredLanguage())
                .filter(t -> t.status() == TranslationStatus.DONE)
                .map(Translation::language)
                .orElse(FamilyLanguages.ENGLISH);
    }

    public Letter compose(long familyMessageId) {
        FamilyMessage message = messages.find(familyMessageId).orElseThrow();
        String language = languageOf(message);
        String translated = language.equals(message.preferredLanguage()) && !reviewedIn(message, language)
                ? updates.translationFor(message, language).map(Translation::text).orElse(null)
                : null;
        return new Letter(render(message, language, translated), language);
    }

    /** The letter in English with reviewed texts only: what a translator works from. */
    public OutgoingMessage english(long familyMessageId) {
        return render(messages.find(familyMessageId).orElseThrow(), FamilyLanguages.ENGLISH, null);
    }

    private OutgoingMessage render(FamilyMessage message, String language, String translated) {
        Caregiver caregiver = families.caregiver(message.caregiverId()).orElseThrow();
        School school = schools.byId(message.schoolId()).orElseThrow();
        Locale locale = Locale.forLanguageTag(language);
        Recipient recipient = new Recipient(null, caregiver.fullName(), caregiver.email(), language);
        String direction = FamilyLanguages.direction(language);
        if (message.kind() == FamilyMessageKind.PROGRESS_UPDATE) {
            Student student = families.student(message.studentId()).orElseThrow();
            CaregiverUpdates.Update update = updates.find(message.updateId()).orElseThrow();
            Map<String, Object> model = Map.of("letter", Map.of(
                    "student", student.fullName(), "school", school.name(), "cycle", update.cycleNo(),
                    "draft", update.draft(), "translated", translated == null ? "" : translated,
                    "direction", direction, "contacts", contacts(message.schoolId(), message.preferredLanguage())));
            return composer.compose(idempotencyKey(message.id()), MessageKind.CAREGIVER_UPDATE, recipient,
                    new Object[] {student.fullName()}, model, null);
        }
        Term term = terms.byId(message.termId()).orElseThrow();
        List<Child> children = families.childrenToTellAbout(caregiver.id(), message.schoolId(), clock.today())
                .stream()
                .map(l -> new Child(l.student().fullName(), l.student().tutoringGroup() == null ? ""
                        : l.student().tutoringGroup(), l.student().sessionsPerWeek()))
                .toList();
        Map<String, Object> model = Map.of("letter", Map.of(
                "school", school.name(), "startsOn", Formats.longDay(term.startsOn(), locale), "endsOn", Formats.longDay(term.endsOn(), locale),
                "children", children, "translated", translated == null ? "" : translated, "direction", direction,
                "contacts", contacts(message.schoolId(), message.preferredLanguage())));
        return composer.compose(idempotencyKey(message.id()), MessageKind.CAREGIVER_INTRODUCTION, recipient,
                new Object[] {school.name()}, model, null);
    }

    /** Who families can reach at the school: a coordinator, and a liaison who speaks their language if any. */
    private List<Contact> contacts(long schoolId, String language) {
        List<Contact> contacts = new java.util.ArrayList<>();
        staffInGroup(schoolId, Role.COORDINATOR.groupId(), "coordinator").ifPresent(contacts::add);
        staffInGroup(schoolId, FamilyLanguages.liaisonGroup(language), "liaison")
                .or(() -> staffInGroup(schoolId, Role.LIAISON.groupId(), "liaison"))
                .ifPresent(contacts::add);
        return contacts;
    }

    private Optional<Contact> staffInGroup(long schoolId, String group, String role) {
        return jdbc.sql("select s.full_name, s.email from staff_member s join staff_school ss on ss.username = s.username "
                        + "where ss.school_id = ? and exists (select 1 from ACT_ID_MEMBERSHIP m "
                        + "where m.USER_ID_ = s.username and m.GROUP_ID_ = ?) order by s.username")
                .params(schoolId, group)
                .query((rs, n) -> new Contact(role, rs.getString(1), rs.getString(2)))
                .list().stream().findFirst();
    }
}
