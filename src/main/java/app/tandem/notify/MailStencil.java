package app.tandem.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.thymeleaf.util.StringUtils;
import org.unbescape.html.HtmlEscape;

/**
 * A kind's two templates rendered once with stand-ins where many messages' text values go, then filled with each
 * message's values escaped as the templates escape printed values (HTML's markup characters, in the text part too,
 * which {@link MailComposer} unescapes after filling as after rendering). Only for templates that print those values
 * as they are and test them for emptiness only: a blank value stays itself in the rendering, so the stencil is one
 * per kind, language and set of blank values. {@link TaskMailBatch} checks each against a full rendering.
 */
final class MailStencil {

    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';

    /** Literal text (String) and value slots (Integer), in order. */
    private final List<Object> text;
    private final List<Object> html;

    private MailStencil(List<Object> text, List<Object> html) {
        this.text = text;
        this.html = html;
    }

    /** What stands in for the value in slot {@code slot} when rendering: the value itself when the templates hide it. */
    static String standIn(int slot, String value) {
        return StringUtils.isEmptyOrWhitespace(value) ? value : OPEN + Integer.toString(slot) + CLOSE;
    }

    /** @return empty when a stand-in did not come out of the templates as it went in */
    static Optional<MailStencil> of(String renderedText, String renderedHtml) {
        List<Object> text = parts(renderedText);
        List<Object> html = parts(renderedHtml);
        return text == null || html == null ? Optional.empty() : Optional.of(new MailStencil(text, html));
    }

    String text(List<String> values) {
        return fill(text, values);
    }

    String html(List<String> values) {
        return fill(html, values);
    }

    private static String fill(List<Object> parts, List<String> values) {
        StringBuilder filled = new StringBuilder(512);
        for (Object part : parts) {
            filled.append(part instanceof Integer slot ? HtmlEscape.escapeHtml4Xml(values.get(slot)) : (String) part);
        }
        return filled.toString();
    }

    private static List<Object> parts(String rendered) {
        List<Object> parts = new ArrayList<>();
        int from = 0;
        for (int open = rendered.indexOf(OPEN); open >= 0; open = rendered.indexOf(OPEN, from)) {
            int close = rendered.indexOf(CLOSE, open);
            if (close < 0 || rendered.substring(from, open).indexOf(CLOSE) >= 0) {
                return null;
            }
            parts.add(rendered.substring(from, open));
            try {
                parts.add(Integer.valueOf(rendered.substring(open + 1, close)));
            } catch (NumberFormatException e) {
                return null;
            }
            from = close + 1;
        }
        String rest = rendered.substring(from);
        if (rest.indexOf(CLOSE) >= 0) {
            return null;
        }
        parts.add(rest);
        return parts;
    }
}
