package app.tandem.family;

import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import app.tandem.notify.ReviewedTexts;

/** Mail to families reads a phrase's reviewed translation from the phrase book before the bundles. */
@Component
class PhraseBookTexts implements ReviewedTexts {

    private final PhraseBook book;

    PhraseBookTexts(PhraseBook book) {
        this.book = book;
    }

    @Override
    public Optional<String> text(String code, Locale locale) {
        return book.reviewed(locale.getLanguage(), code);
    }
}
