package app.tandem.notify;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.unbescape.html.HtmlEscape;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import app.tandem.system.Formats;
import app.tandem.system.TandemProperties;

/**
 * Renders a message from templates/mail/KIND.html and KIND.txt in the recipient's language, with its
 * subject from the bundle key mail.KIND.subject; reviewed texts (the family phrase book) come before the
 * bundles. Its own template engine, so the web pages' engine (and Spring Boot's configuration of it) stays
 * as it is.
 */
@Component
public class MailComposer {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final MessageSource messages;
    private final TandemProperties properties;

    MailComposer(MessageSource bundles, ObjectProvider<ReviewedTexts> reviewed, TandemProperties properties) {
        this.messages = new ReviewedTextsFirst(reviewed.getIfAvailable(() -> ReviewedTexts.NONE), bundles);
        this.properties = properties;
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
        engine.setTemplateEngineMessageSource(messages);
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }

    public OutgoingMessage compose(String idempotencyKey, MessageKind kind, Recipient recipient, Object[] subjectArgs,
                            Map<String, Object> model, OutgoingMessage.Attachment attachment) {
        Context context = context(recipient, model);
        return new OutgoingMessage(idempotencyKey, kind, recipient, subject(kind, recipient, subjectArgs),
                plainText(engine.process(kind.template() + ".txt", context)),
                engine.process(kind.template() + ".html", context), attachment);
    }

    /** The kind's templates rendered for a recipient and model holding {@link MailStencil#standIn}s. */
    Optional<MailStencil> stencil(MessageKind kind, Recipient recipient, Map<String, Object> model) {
        Context context = context(recipient, model);
        return MailStencil.of(engine.process(kind.template() + ".txt", context),
                engine.process(kind.template() + ".html", context));
    }

    /** The same message as {@link #compose} renders, from a stencil filled with the message's values. */
    OutgoingMessage compose(String idempotencyKey, MessageKind kind, Recipient recipient, Object[] subjectArgs,
                            MailStencil stencil, List<String> values) {
        return new OutgoingMessage(idempotencyKey, kind, recipient, subject(kind, recipient, subjectArgs),
                plainText(stencil.text(values)), stencil.html(values), null);
    }

    private Context context(Recipient recipient, Map<String, Object> model) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("recipient", recipient);
        variables.put("publicUrl", properties.publicUrl());
        variables.put("unsubscribeUrl", MailLinks.UNSUBSCRIBE_PLACE);
        return new Context(recipient.locale(), variables);
    }

    private String subject(MessageKind kind, Recipient recipient, Object[] subjectArgs) {
        return messages.getMessage("mail." + kind.template() + ".subject", subjectArgs, recipient.locale());
    }

    /**
     * Thymeleaf's TEXT mode escapes inlined values for HTML, so the text templates escape user data like every
     * other template; a text/plain part has no markup, so it is unescaped once here and reads as typed
     * (O'Brien, not O&#39;Brien). Escaping then unescaping gives back exactly what was typed.
     */
    private static String plainText(String rendered) {
        return HtmlEscape.unescapeHtml(rendered).strip() + "\n";
    }

    String text(Locale locale, String key, String fallback, Object... args) {
        return messages.getMessage(key, args, fallback, locale);
    }

    static String day(LocalDate day, Locale locale) {
        return Formats.dayInWords(day, locale);
    }

    /** A meeting's day, start and end on the district's wall clock, and the zone by its name. */
    static String timeSpan(LocalDateTime start, LocalDateTime end, ZoneId zone, Locale locale) {
        String endText = end.toLocalDate().equals(start.toLocalDate()) ? Formats.timeOfDay(end.toLocalTime(), locale)
                : day(end.toLocalDate(), locale) + ", " + Formats.timeOfDay(end.toLocalTime(), locale);
        return day(start.toLocalDate(), locale) + ", " + Formats.timeOfDay(start.toLocalTime(), locale) + "–" + endText
                + " (" + zone.getDisplayName(TextStyle.FULL, locale) + ")";
    }
}
