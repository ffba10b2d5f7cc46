package app.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

import org.junit.jupiter.api.Test;

/**
 * Tandem's stylesheet is read by browsers that forgive a missing brace by nesting every later rule inside
 * the open one: the phone layout of the task list was lost that way once. Rules nest only inside at-rules.
 */
class StylesheetTest {

    @Test
    void shouldCloseEveryRuleBeforeTheNextOneOpens() throws IOException {
        String css = Files.readString(Path.of("src/main/resources/static/css/tandem.css"), StandardCharsets.UTF_8)
                .replaceAll("(?s)/\\*.*?\\*/", "");
        Deque<String> open = new ArrayDeque<>();
        int line = 1;
        StringBuilder selector = new StringBuilder();
        for (char c : css.toCharArray()) {
            if (c == '\n') {
                line++;
            }
            if (c == '{') {
                String opened = selector.toString().strip();
                assertThat(open.isEmpty() || open.peek().startsWith("@"))
                        .as("line %d: '%s' opens inside '%s', which is not an at-rule", line, opened, open.peek())
                        .isTrue();
                open.push(opened);
                selector.setLength(0);
            } else if (c == '}') {
                assertThat(open).as("line %d: a brace closes nothing", line).isNotEmpty();
                open.pop();
                selector.setLength(0);
            } else if (c == ';') {
                selector.setLength(0);
            } else {
                selector.append(c);
            }
        }
        assertThat(open).as("rules left open at the end").isEmpty();
    }
}
