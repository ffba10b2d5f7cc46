package app.tandem.tasklist.form;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A block of a form's {@code text} component. form-js writes these in Markdown, and Camunda's own
 * Tasklist shows them as Markdown, so the {@code .form} files keep it. Tandem reads the part of it
 * forms use: headings, paragraphs, bulleted and numbered lists, and inside them bold, italics, code
 * and links. Nothing here is HTML: the template writes every piece as escaped text inside its own
 * element, and a link keeps only a web, mail or same-site address.
 *
 * @param lines one for a heading or a paragraph, one per item for a list
 */
public record TextBlock(Kind kind, List<Line> lines) {

    public enum Kind { HEADING, BULLETS, NUMBERS, PARAGRAPH }

    private static final Pattern BULLET = Pattern.compile("^[-*+]\\s+(.*)$");
    private static final Pattern NUMBER = Pattern.compile("^\\d{1,9}[.)]\\s+(.*)$");
    private static final Pattern HEADING_LINE = Pattern.compile("^#{1,6}(?:\\s+(.*?))?\\s*#*\\s*$");
    private static final Pattern SAFE_LINK = Pattern.compile("^(?:https?://|mailto:|/(?!/)|#|\\./|\\.\\./)[^\\s]*$",
            Pattern.CASE_INSENSITIVE);

    public boolean heading() {
        return kind == Kind.HEADING;
    }

    public boolean bullets() {
        return kind == Kind.BULLETS;
    }

    public boolean numbers() {
        return kind == Kind.NUMBERS;
    }

    public boolean paragraph() {
        return kind == Kind.PARAGRAPH;
    }

    /** The block's words without their Markdown, lines joined by a space. */
    public String text() {
        return String.join(" ", lines.stream().map(Line::text).toList());
    }

    /** A heading, a paragraph or a list item: its pieces in order. */
    public record Line(List<Span> spans) {

        public String text() {
            StringBuilder text = new StringBuilder();
            spans.forEach(span -> text.append(span.text()));
            return text.toString();
        }
    }

    /**
     * A run of text shown one way.
     *
     * @param href for a link only: its address, already checked
     */
    public record Span(Style style, String text, String href) {

        public enum Style { PLAIN, STRONG, EMPHASIS, CODE, LINK }

        public boolean plain() {
            return style == Style.PLAIN;
        }

        public boolean strong() {
            return style == Style.STRONG;
        }

        public boolean emphasis() {
            return style == Style.EMPHASIS;
        }

        public boolean code() {
            return style == Style.CODE;
        }

        public boolean link() {
            return style == Style.LINK;
        }
    }

    static List<TextBlock> of(String markdown) {
        List<TextBlock> blocks = new ArrayList<>();
        Kind open = null;
        List<String> lines = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String line : markdown.split("\\R")) {
            String trimmed = line.strip();
            Matcher heading = HEADING_LINE.matcher(trimmed);
            Matcher bullet = BULLET.matcher(trimmed);
            Matcher number = NUMBER.matcher(trimmed);
            Kind kind = trimmed.isEmpty() ? null
                    : heading.matches() ? Kind.HEADING
                    : bullet.matches() ? Kind.BULLETS
                    : number.matches() ? Kind.NUMBERS
                    : Kind.PARAGRAPH;
            // A plain line right under an item goes on with that item, indented or not.
            boolean continuesItem = kind == Kind.PARAGRAPH && (open == Kind.BULLETS || open == Kind.NUMBERS);
            if (continuesItem) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + " " + trimmed);
                continue;
            }
            if (kind != open || kind == Kind.HEADING) {
                close(open, lines, paragraph, blocks);
                open = kind;
            }
            if (kind == Kind.HEADING) {
                lines.add(heading.group(1) == null ? "" : heading.group(1));
            } else if (kind == Kind.BULLETS) {
                lines.add(bullet.group(1));
            } else if (kind == Kind.NUMBERS) {
                lines.add(number.group(1));
            } else if (kind == Kind.PARAGRAPH) {
                paragraph.append(paragraph.isEmpty() ? "" : " ").append(trimmed);
            }
        }
        close(open, lines, paragraph, blocks);
        return blocks;
    }

    private static void close(Kind kind, List<String> lines, StringBuilder paragraph, List<TextBlock> blocks) {
        if (kind == Kind.PARAGRAPH && !paragraph.isEmpty()) {
            blocks.add(new TextBlock(kind, List.of(line(paragraph.toString()))));
        } else if (kind != null && kind != Kind.PARAGRAPH && !lines.isEmpty()) {
            blocks.add(new TextBlock(kind, lines.stream().map(TextBlock::line).toList()));
        }
        lines.clear();
        paragraph.setLength(0);
    }

    static Line line(String markdown) {
        List<Span> spans = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < markdown.length()) {
            char c = markdown.charAt(i);
            if (c == '\\' && i + 1 < markdown.length() && isPunctuation(markdown.charAt(i + 1))) {
                plain.append(markdown.charAt(i + 1));
                i += 2;
                continue;
            }
            int end = -1;
            Span span = null;
            if (c == '`') {
                end = markdown.indexOf('`', i + 1);
                if (end > i + 1) {
                    span = new Span(Span.Style.CODE, markdown.substring(i + 1, end), null);
                    end += 1;
                }
            } else if ((c == '*' || c == '_') && markdown.startsWith(String.valueOf(c).repeat(2), i)) {
                end = closing(markdown, i, String.valueOf(c).repeat(2));
                if (end > 0) {
                    span = new Span(Span.Style.STRONG, line(markdown.substring(i + 2, end)).text(), null);
                    end += 2;
                }
            } else if (c == '*' || c == '_') {
                end = closing(markdown, i, String.valueOf(c));
                if (end > 0) {
                    span = new Span(Span.Style.EMPHASIS, line(markdown.substring(i + 1, end)).text(), null);
                    end += 1;
                }
            } else if (c == '[') {
                int textEnd = markdown.indexOf("](", i + 1);
                int close = textEnd < 0 ? -1 : markdown.indexOf(')', textEnd + 2);
                if (close > 0) {
                    String words = line(markdown.substring(i + 1, textEnd)).text();
                    String href = markdown.substring(textEnd + 2, close).strip();
                    if (!SAFE_LINK.matcher(href).matches() || words.isBlank()) {
                        // Not an address to follow: its words stay, as text.
                        plain.append(words);
                        i = close + 1;
                        continue;
                    }
                    span = new Span(Span.Style.LINK, words, href);
                    end = close + 1;
                }
            }
            if (span == null) {
                plain.append(c);
                i++;
                continue;
            }
            if (!plain.isEmpty()) {
                spans.add(new Span(Span.Style.PLAIN, plain.toString(), null));
                plain.setLength(0);
            }
            spans.add(span);
            i = end;
        }
        if (!plain.isEmpty()) {
            spans.add(new Span(Span.Style.PLAIN, plain.toString(), null));
        }
        return new Line(List.copyOf(spans));
    }

    /**
     * Where the emphasis opened at {@code from} with {@code marker} closes, or -1: the text inside
     * neither starts nor ends with a space, and underscores only count at the edges of words (so
     * {@code snake_case} stays as it is).
     */
    private static int closing(String text, int from, String marker) {
        int start = from + marker.length();
        boolean underscore = marker.charAt(0) == '_';
        if (start >= text.length() || Character.isWhitespace(text.charAt(start))
                || underscore && from > 0 && Character.isLetterOrDigit(text.charAt(from - 1))) {
            return -1;
        }
        int at = text.indexOf(marker, start + 1);
        while (at > 0) {
            boolean doubled = marker.length() == 1 && at + 1 < text.length() && text.charAt(at + 1) == marker.charAt(0);
            boolean wordAfter = underscore && at + marker.length() < text.length()
                    && Character.isLetterOrDigit(text.charAt(at + marker.length()));
            if (!Character.isWhitespace(text.charAt(at - 1)) && !doubled && !wordAfter) {
                return at;
            }
            at = text.indexOf(marker, at + (doubled ? 2 : 1));
        }
        return -1;
    }

    private static boolean isPunctuation(char c) {
        return "\\`*_{}[]()#+-.!<>|~".indexOf(c) >= 0;
    }
}
