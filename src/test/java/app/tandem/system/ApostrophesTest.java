package app.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import app.tandem.TandemTest;

/**
 * Text is formatted with MessageFormat only when it is given arguments, and only then does {@code ''} become one
 * apostrophe: a text read without arguments must write a plain {@code '}.
 */
@TandemTest
class ApostrophesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d");
    /** The indicators' rules are always given the close-out window, whether they show it or not. */
    private static final Pattern ALWAYS_WITH_ARGUMENTS = Pattern.compile("dashboard\\.indicator\\..*\\.rule");

    @Autowired
    MessageSource messages;

    @Test
    void shouldShowOneApostropheWhereATextIsReadWithoutArguments() {
        assertThat(messages.getMessage("family.mail.title", null, Locale.ENGLISH))
                .isEqualTo("From your child's tutoring program");
        assertThat(messages.getMessage("family.import.intro", null, Locale.ENGLISH)).contains("the district's schools");
        assertThat(messages.getMessage("dashboard.indicator.4d.3.rule", new Object[] {14}, Locale.ENGLISH))
                .contains("the term's last day").doesNotContain("''");
    }

    @Test
    void shouldWriteNoDoubledApostropheInATextWithoutArguments() throws IOException {
        try (Stream<Path> bundles = Files.list(Path.of("src/main/resources"))) {
            for (Path bundle : bundles.filter(path -> path.getFileName().toString().matches("messages.*\\.properties"))
                    .toList()) {
                Properties texts = new Properties();
                try (Reader reader = new InputStreamReader(Files.newInputStream(bundle), StandardCharsets.UTF_8)) {
                    texts.load(reader);
                }
                texts.forEach((key, text) -> {
                    if (!PLACEHOLDER.matcher(text.toString()).find()
                            && !ALWAYS_WITH_ARGUMENTS.matcher(key.toString()).matches()) {
                        assertThat(text.toString()).as(bundle.getFileName() + ": " + key).doesNotContain("''");
                    }
                });
            }
        }
    }
}
