package app.tandem.family;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.tandem.system.DistrictClock;
import app.tandem.system.InvalidInputException;
import app.tandem.system.Messages;

/**
 * A phrase book per language without reviewed bundles: each phrase of a progress update and of the program
 * introduction, its translation, and who reviewed it when. A liaison reviews a phrase once; a letter whose phrases
 * are all reviewed in the caregiver's language is composed from them and needs no translator. Drafts awaiting review come from the language's
 * messages-family bundle, where there is one.
 */
@Service
public class PhraseBook {

    public static final int LONGEST = 2000;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");

    /**
     * One phrase in one language.
     *
     * @param english    the English text, as the liaison reads it
     * @param text       the reviewed translation, or else the draft awaiting review, or else empty
     * @param reviewedBy the liaison who reviewed it, or null while it awaits review
     */
    public record Phrase(String key, String group, String english, String text, String reviewedBy,
                         Instant reviewedAt) {

        public boolean reviewed() {
            return reviewedBy != null;
        }

        /** The arguments the text must keep, such as {0} and {1}. */
        public Set<String> placeholders() {
            return placeholdersOf(english);
        }
    }

    /** How much of a language's phrase book is reviewed. */
    public record Coverage(String language, int reviewed, int phrases) {

        public int percent() {
            return phrases == 0 ? 0 : reviewed * 100 / phrases;
        }
    }

    private record Row(String text, String by, Instant at) {
    }

    private final LetterPhrases phrases;
    private final FamilySettings settings;
    private final MessageSource bundles;
    private final Messages messages;
    private final DistrictClock clock;
    private final JdbcClient jdbc;

    PhraseBook(LetterPhrases phrases, FamilySettings settings, MessageSource bundles, Messages messages,
               DistrictClock clock, JdbcClient jdbc) {
        this.phrases = phrases;
        this.settings = settings;
        this.bundles = bundles;
        this.messages = messages;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** Whether the language has a phrase book: a language tag whose family texts are not reviewed in the bundles. */
    public boolean keeps(String language) {
        return language != null && !settings.reviewedLanguages().contains(language)
                && FamilyLanguages.normalize(language).filter(language::equals).isPresent();
    }

    /** The district's languages with a phrase book (the next ones it plans for, and any begun), in that order. */
    public List<Coverage> coverage() {
        Set<String> languages = new LinkedHashSet<>();
        if (settings.phraseBookLanguages() != null) {
            languages.addAll(settings.phraseBookLanguages());
        }
        languages.addAll(jdbc.sql("select distinct language from family_phrase order by language")
                .query(String.class).list());
        languages.removeIf(language -> !keeps(language));
        Map<String, Integer> reviewed = new HashMap<>();
        Set<String> all = new HashSet<>(phrases.all());
        jdbc.sql("select language, phrase_key from family_phrase").query((rs, n) -> Map.entry(rs.getString(1),
                rs.getString(2))).list().stream().filter(row -> all.contains(row.getValue()))
                .forEach(row -> reviewed.merge(row.getKey(), 1, Integer::sum));
        return languages.stream().map(l -> new Coverage(l, reviewed.getOrDefault(l, 0), all.size())).toList();
    }

    /** Every phrase in the language, in the order the page shows them. */
    public List<Phrase> of(String language) {
        Map<String, Row> rows = rows(language);
        Properties drafts = drafts(language);
        List<Phrase> book = new ArrayList<>();
        for (String key : phrases.all()) {
            String english = asWritten(bundles.getMessage(key, null, Locale.ENGLISH));
            Row row = rows.get(key);
            String text = row != null ? row.text() : asWritten(drafts.getProperty(key, ""));
            book.add(new Phrase(key, LetterPhrases.groupOf(key), english, text, row == null ? null : row.by(),
                    row == null ? null : row.at()));
        }
        return book;
    }

    /** The reviewed translation of one phrase, as the liaison wrote it. */
    public Optional<String> reviewed(String language, String key) {
        if (!keeps(language) || !phrases.isPhrase(key)) {
            return Optional.empty();
        }
        return jdbc.sql("select phrase_text from family_phrase where language = ? and phrase_key = ?")
                .params(language, key).query(String.class).optional();
    }

    /** Whether every phrase of a program introduction is reviewed in the language, so it can be composed from them. */
    public boolean coversIntroduction(String language) {
        return keeps(language) && rows(language).keySet().containsAll(phrases.ofIntroduction());
    }

    /** Whether every phrase of this draft is reviewed in the language, so its letter can be composed from them. */
    public boolean covers(String language, UpdateDraft draft) {
        if (draft == null || !keeps(language)) {
            return false;
        }
        return rows(language).keySet().containsAll(phrases.of(draft));
    }

    /**
     * Records a liaison's translation of a phrase as reviewed by them now.
     *
     * @throws InvalidInputException naming the phrase, when the text is empty, too long or drops an argument
     */
    @Transactional
    public void review(String language, String key, String text, String by) {
        if (!keeps(language) || !phrases.isPhrase(key)) {
            throw new IllegalArgumentException("No phrase " + key + " in " + language);
        }
        String written = text == null ? "" : text.strip();
        if (written.isEmpty()) {
            throw new InvalidInputException(key, messages.text("phrases.error.required"));
        }
        if (written.length() > LONGEST) {
            throw new InvalidInputException(key, messages.text("phrases.error.tooLong", LONGEST));
        }
        Set<String> wanted = placeholdersOf(asWritten(bundles.getMessage(key, null, Locale.ENGLISH)));
        String rest = PLACEHOLDER.matcher(written).replaceAll("");
        if (!placeholdersOf(written).equals(wanted) || rest.contains("{") || rest.contains("}")) {
            throw new InvalidInputException(key, wanted.isEmpty() ? messages.text("phrases.error.noPlaceholders")
                    : messages.text("phrases.error.placeholders", String.join(" ", wanted)));
        }
        Timestamp now = Timestamp.from(clock.now());
        int changed = jdbc.sql("update family_phrase set phrase_text = ?, reviewed_by = ?, reviewed_at = ? "
                        + "where language = ? and phrase_key = ?")
                .params(written, by, now, language, key).update();
        if (changed == 0) {
            jdbc.sql("insert into family_phrase (language, phrase_key, phrase_text, reviewed_by, reviewed_at) "
                            + "values (?, ?, ?, ?, ?)")
                    .params(language, key, written, by, now).update();
        }
    }

    private Map<String, Row> rows(String language) {
        Map<String, Row> rows = new HashMap<>();
        jdbc.sql("select phrase_key, phrase_text, reviewed_by, reviewed_at from family_phrase where language = ?")
                .params(language)
                .query(rs -> {
                    rows.put(rs.getString(1), new Row(rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant()));
                });
        return rows;
    }

    /** The language's own family bundle, without the English it falls back to. */
    private static Properties drafts(String language) {
        Properties drafts = new Properties();
        ClassPathResource bundle = new ClassPathResource("messages-family_" + language + ".properties");
        if (bundle.exists()) {
            try (Reader reader = new InputStreamReader(bundle.getInputStream(), StandardCharsets.UTF_8)) {
                drafts.load(reader);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + bundle.getPath(), e);
            }
        }
        return drafts;
    }

    /** A bundle's text as a person writes it: a text with arguments doubles its apostrophes in the bundle only. */
    private static String asWritten(String pattern) {
        return PLACEHOLDER.matcher(pattern).find() ? pattern.replace("''", "'") : pattern;
    }

    private static Set<String> placeholdersOf(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
