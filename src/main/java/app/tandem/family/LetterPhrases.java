package app.tandem.family;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The phrases family letters are composed of: the fixed sentences every letter shares, a progress update's own
 * sentences and the text of each option of the draft form (the options come from the form, so a new option is a new
 * phrase), and the program introduction's sentences.
 */
@Component
public class LetterPhrases {

    /** The groups a phrase book shows, in this order. */
    public static final List<String> GROUPS = List.of("frame", "subject", "standing", "atHome", "win", "introduction");

    /** Every family letter says these. */
    private static final List<String> SHARED = List.of(
            "family.mail.title", "family.mail.greeting", "family.mail.contacts", "family.contact.coordinator",
            "family.contact.liaison", "family.mail.footer", "family.mail.unsubscribe", "family.mail.unsubscribeLink");

    private static final List<String> UPDATE = List.of(
            "mail.caregiver-update.subject", "family.update.heading", "family.update.winHeading",
            "family.update.atHomeHeading", "family.update.sessionsHeading", "family.update.sessions");

    private static final List<String> INTRODUCTION = List.of(
            "mail.caregiver-introduction.subject", "family.intro.heading", "family.intro.what", "family.intro.when",
            "family.intro.child", "family.intro.childInGroup", "family.intro.reach");

    private static final List<String> FRAME = java.util.stream.Stream.concat(SHARED.stream(), UPDATE.stream())
            .toList();

    private final DraftChoices choices;

    LetterPhrases(DraftChoices choices) {
        this.choices = choices;
    }

    /** Every phrase, frame first, then each option in the form's order, then the introduction's. */
    public List<String> all() {
        List<String> keys = new ArrayList<>(FRAME);
        choices.subjects().forEach(option -> keys.add(subject(option.value())));
        choices.standings().forEach(option -> keys.add(standing(option.value())));
        choices.atHome().forEach(option -> keys.add(atHome(option.value())));
        choices.wins().forEach(option -> keys.add(win(option.value())));
        keys.addAll(INTRODUCTION);
        return keys;
    }

    /** The phrases a program introduction says. */
    public Set<String> ofIntroduction() {
        Set<String> keys = new LinkedHashSet<>(SHARED);
        keys.addAll(INTRODUCTION);
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
        return FRAME.contains(key) || INTRODUCTION.contains(key) || all().contains(key);
    }

    /** Which of {@link #GROUPS} the phrase is in. */
    public static String groupOf(String key) {
        if (INTRODUCTION.contains(key)) {
            return "introduction";
        }
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
