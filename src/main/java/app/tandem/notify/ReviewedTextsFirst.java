package app.tandem.notify;

import java.text.MessageFormat;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.support.AbstractMessageSource;

/** The message source of mail: reviewed texts where there are some, the bundles for everything else. */
class ReviewedTextsFirst extends AbstractMessageSource {

    private final ReviewedTexts texts;

    ReviewedTextsFirst(ReviewedTexts texts, MessageSource bundles) {
        this.texts = texts;
        setParentMessageSource(bundles);
    }

    @Override
    protected String resolveCodeWithoutArguments(String code, Locale locale) {
        return texts.text(code, locale).orElse(null);
    }

    /** A person's text has no MessageFormat quoting: each apostrophe they typed is one. */
    @Override
    protected MessageFormat resolveCode(String code, Locale locale) {
        return texts.text(code, locale).map(text -> new MessageFormat(text.replace("'", "''"), locale)).orElse(null);
    }
}
