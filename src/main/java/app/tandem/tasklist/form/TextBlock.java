package app.tandem.tasklist.form;

import java.util.ArrayList;
import java.util.List;

/**
 * A piece of a form's {@code text} component. form-js writes these in Markdown; Tandem keeps only
 * headings, list items and paragraphs, and always shows them as escaped text, never as HTML.
 */
public record TextBlock(Kind kind, String text) {

    public enum Kind { HEADING, ITEM, PARAGRAPH }

    public boolean heading() {
        return kind == Kind.HEADING;
    }

    public boolean item() {
        return kind == Kind.ITEM;
    }

    static List<TextBlock> of(String markdown) {
        List<TextBlock> blocks = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String line : markdown.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("- ") || trimmed.startsWith("* ")) {
                flush(paragraph, blocks);
            }
            if (trimmed.startsWith("#")) {
                blocks.add(new TextBlock(Kind.HEADING, trimmed.replaceFirst("^#+\\s*", "")));
            } else if (trimmed.startsWith("- ") || trimmed.startsWith("* ")) {
                blocks.add(new TextBlock(Kind.ITEM, trimmed.substring(2).strip()));
            } else if (!trimmed.isEmpty()) {
                paragraph.append(paragraph.isEmpty() ? "" : " ").append(trimmed);
            }
        }
        flush(paragraph, blocks);
        return blocks;
    }

    private static void flush(StringBuilder paragraph, List<TextBlock> blocks) {
        if (!paragraph.isEmpty()) {
            blocks.add(new TextBlock(Kind.PARAGRAPH, paragraph.toString()));
            paragraph.setLength(0);
        }
    }
}
