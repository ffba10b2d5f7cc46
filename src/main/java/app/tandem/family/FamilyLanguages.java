package app.tandem.family;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import app.tandem.directory.Role;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.notify.ManagerNotices;
import app.tandem.system.ProcessVariables;

/**
 * Languages of families: which have reviewed texts, and which liaisons speak one. A liaison who
 * speaks a language belongs to the group {@code liaisons-<language>}, such as liaisons-es. The models
 * ask this bean for a task's candidate group by id, so no language becomes a process variable; a language no
 * active liaison of the school speaks goes to the school's liaisons, so no task waits in a group of nobody.
 */
@Component("familyLanguages")
public class FamilyLanguages {

    public static final String ENGLISH = "en";
    private static final Pattern TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private final FamilySettings settings;
    private final FamilyMessages messages;
    private final CaregiverUpdates updates;
    private final FamilyReplies replies;
    private final StaffDirectory staff;
    private final ManagerNotices notices;

    FamilyLanguages(FamilySettings settings, FamilyMessages messages, CaregiverUpdates updates,
                    FamilyReplies replies, StaffDirectory staff, ManagerNotices notices) {
        this.staff = staff;
        this.notices = notices;
        this.settings = settings;
        this.messages = messages;
        this.updates = updates;
        this.replies = replies;
    }

    /** A language tag as Tandem stores it (such as es, vi, zh), or empty when it is not one. */
    public static Optional<String> normalize(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String tag = text.strip().replace('_', '-');
        if (!TAG.matcher(tag.toLowerCase(Locale.ROOT)).matches()) {
            return Optional.empty();
        }
        return Optional.of(Locale.forLanguageTag(tag).getLanguage());
    }

    public boolean isReviewed(String language) {
        return settings.reviewedLanguages().contains(language);
    }

    /** Which way text in the language reads: rtl or ltr. */
    public static String direction(String language) {
        return "ar".equals(language) || "he".equals(language) || "fa".equals(language) || "ur".equals(language)
                ? "rtl" : "ltr";
    }

    public static String liaisonGroup(String language) {
        return ENGLISH.equals(language) ? Role.LIAISON.groupId() : Role.LIAISON.groupId() + "-" + language;
    }

    /**
     * The liaisons who can translate this translation: the school's liaisons who speak its language, or, when
     * none does, all the school's liaisons (and the managers hear which language has no liaison).
     */
    public String translatorsOf(Object translationId, VariableScope program) {
        Translation translation = updates.translation(((Number) translationId).longValue()).orElseThrow();
        return speakersAt(program, translation.language());
    }

    /**
     * The liaisons who answer this family's mail: those who speak the caregiver's language at the school (or in the
     * district, for mail of no school), else every liaison there, so no reply waits for a group with no one in it.
     */
    public String answerersOf(Object replyId) {
        FamilyReply reply = replies.find(((Number) replyId).longValue()).orElseThrow();
        String speakers = liaisonGroup(reply.language());
        return replies.anyoneIn(speakers, reply.schoolId(), reply.districtId()) ? speakers : Role.LIAISON.groupId();
    }

    /** The liaisons who can call this message's caregiver in their language; as above when none speaks it. */
    public String callersOf(Object familyMessageId, VariableScope program) {
        FamilyMessage message = messages.find(((Number) familyMessageId).longValue()).orElseThrow();
        return speakersAt(program, message.preferredLanguage());
    }

    private String speakersAt(VariableScope program, String language) {
        String group = liaisonGroup(language);
        long schoolId = ProcessVariables.id(program, ProcessVariables.SCHOOL_ID);
        List<String> atSchool = staff.atSchool(schoolId).stream().map(StaffMember::username).toList();
        if (group.equals(Role.LIAISON.groupId())
                || staff.groupsOf(atSchool).values().stream().anyMatch(groups -> groups.contains(group))) {
            return group;
        }
        notices.languageWithoutLiaison(schoolId, ProcessVariables.id(program, ProcessVariables.TERM_ID), language);
        return Role.LIAISON.groupId();
    }
}
