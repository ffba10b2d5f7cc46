package app.tandem.system;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Text from the message bundles, in the language of the current request (English otherwise). */
@Component
public class Messages {

    private final MessageSource messageSource;

    public Messages(MessageSource messageSource) {
        this.messageSource = messageSource;
    }

    public String text(String code, Object... args) {
        return messageSource.getMessage(code, args, LocaleContextHolder.getLocale());
    }

    public String text(Locale locale, String code, Object... args) {
        return messageSource.getMessage(code, args, locale);
    }

    /** A refusal of one field, with the field's own label in front of the reason. */
    public InvalidInputException invalid(String field, String code, Object... args) {
        String label = messageSource.getMessage("field." + field, null, field, LocaleContextHolder.getLocale());
        return new InvalidInputException(field, label + ": " + text(code, args));
    }
}
