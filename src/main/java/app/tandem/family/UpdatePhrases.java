package app.tandem.family;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The phrases a progress update is composed of: the letter's fixed sentences, and the text of each option of the
 * draft form (the options come from the form, so a new option is a new phrase).
 */
@Component
public class UpdatePhrases {

    /** The groups a phrase book shows, in this order. */
    public static final List<String> GROUPS = List.of("frame", "subject", "standing", "atHome", "win");

    private static final List<String> FRAME = List.of(
            "mail.caregiver-update.subject", "family.mail.title", "family.mail.greeting", "family.update.heading",
            "family.update.winHeading", "family.update.atHomeHeading", "family.update.sessionsHeading",
            "family.update.sessions", "family.mail.contacts", "family.contact.coordinator", "family.contact.liaison",
            "family.mail.footer", "family.mail.unsubscribe", "family.mail.unsubscribeLink");

    private final DraftChoices choices;

    UpdatePhrases(DraftChoices choices) {
        this.choices = choices;
    }

    /** Every phrase, frame first, then each option in the form's order. */
    public List<String> all() {
        List<String> keys = new ArrayList<>(FRAME);
        choices.subjects().forEach(option -> keys.add(subject(option.value())));
        choices.standings().forEach(option -> keys.add(standing(option.value())));
        choices.atHome().forEach(option -> keys.add(atHome(option.value())));
        choices.wins().forEach(option -> keys.add(win(option.value())));
        return keys;
    }

    /** The phrases this draft's letter says. */
    public Set<String> of(UpdateDraft draft) {
        Set<String> keys = new LinkedHashSet<>(FRAME);
        keys.add(subject(draft.subject()));
        keys.add(standing(draft.standing()));
        keys.add(atHome(draft.atHome()));
        keys.add(win(draft.win()));
        return keys;
    }

    public boolean isPhrase(String key) {
        return FRAME.contains(key) || all().contains(key);
    }

    /** Which of {@link #GROUPS} the phrase is in. */
    public static String groupOf(String key) {
        if (key.startsWith("family.subject.")) {
            return "subject";
        }
        for (String group : List.of("standing", "atHome", "win")) {
            if (key.startsWith("family.update." + group + ".")) {
                return group;
            }
        }
        return "frame";
    }

    private static String subject(String value) {
        return "family.subject." + value;
    }

    private static String standing(String value) {
        return "family.update.standing." + value;
    }

    private static String atHome(String value) {
        return "family.update.atHome." + value;
    }

    private static String win(String value) {
        return "family.update.win." + value;
    }
}
