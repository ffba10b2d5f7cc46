package app.tandem.notify;

import java.util.Locale;
import java.util.Optional;

/**
 * Mail text kept outside the message bundles, asked before them: the family phrase book's reviewed translations,
 * which the family feature provides as a Spring bean. Until one exists, mail reads the bundles only.
 */
public interface ReviewedTexts {

    ReviewedTexts NONE = (code, locale) -> Optional.empty();

    /**
     * @return the text as a person wrote it (an apostrophe is one {@code '}; arguments are {@code {0}}, {@code {1}}),
     *         or empty when the bundles say it
     */
    Optional<String> text(String code, Locale locale);
}
