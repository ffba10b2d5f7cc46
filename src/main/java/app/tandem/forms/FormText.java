package app.tandem.forms;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A form's words in the reader's language. A {@code .form} file holds one language, so each
 * string can be given in the bundles, falling back to the file's own text:
 * <ul>
 * <li>label: {@code field.<key>} (shared with the listeners' messages, so a message names the
 * field the way the form does)</li>
 * <li>description: {@code form.<formId>.<key>.description}</li>
 * <li>option: {@code form.<formId>.<key>.option.<value>}</li>
 * <li>text component: {@code form.<formId>.<componentId>}</li>
 * </ul>
 */
@Component
public class FormText {

    private final MessageSource messages;

    public FormText(MessageSource messages) {
        this.messages = messages;
    }

    public String label(FormSchema form, FormComponent component) {
        String fallback = component.label() != null ? component.label() : component.key();
        return component.key() == null ? fallback : text("field." + component.key(), fallback);
    }

    public String description(FormSchema form, FormComponent component) {
        if (component.description() == null || component.description().isBlank()) {
            return null;
        }
        return text("form." + form.id() + "." + component.key() + ".description", component.description());
    }

    public String option(FormSchema form, FormComponent component, FormOption option) {
        String fallback = option.label() != null ? option.label() : option.value();
        return text("form." + form.id() + "." + component.key() + ".option." + option.value(), fallback);
    }

    public String text(FormSchema form, FormComponent component) {
        return component.text() == null ? "" : text("form." + form.id() + "." + component.id(), component.text());
    }

    public String message(String code, Object... args) {
        return messages.getMessage(code, args, locale());
    }

    private String text(String code, String fallback) {
        return messages.getMessage(code, null, fallback, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
