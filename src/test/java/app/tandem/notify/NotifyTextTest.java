package app.tandem.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every text of the notify feature exists in English and Spanish, and every key its templates use exists. */
class NotifyTextTest {

    private static final Pattern KEY = Pattern.compile("#\\{([A-Za-z0-9._-]+)");

    @Test
    void shouldHaveEveryNotifyTextInEnglishAndSpanish() throws IOException {
        Properties english = bundle("messages-notify.properties");
        Properties spanish = bundle("messages-notify_es.properties");

        assertThat(spanish.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(english.stringPropertyNames()).allSatisfy(key ->
                assertThat(spanish.getProperty(key)).as(key).isNotBlank());
    }

    @Test
    void shouldFindEveryKeyTheMailAndPageTemplatesUse() throws IOException {
        // Mail templates are shared by features, so a key may live in any feature's English bundle.
        Properties known = new Properties();
        try (Stream<Path> bundles = Files.list(Path.of("src/main/resources"))) {
            for (Path bundle : bundles.filter(f -> f.getFileName().toString().matches("messages(-[a-z]+)?\\.properties"))
                    .toList()) {
                known.putAll(bundle(bundle.getFileName().toString()));
            }
        }
        Set<String> used;
        try (Stream<Path> files = Stream.concat(Files.list(Path.of("src/main/resources/templates/mail")),
                Files.list(Path.of("src/main/resources/templates/notify")))) {
            used = files.flatMap(NotifyTextTest::keysIn).collect(Collectors.toSet());
        }
        assertThat(used).isNotEmpty().allSatisfy(key -> assertThat(known).as(key).containsKey(key));
        for (MessageKind kind : MessageKind.values()) {
            assertThat(known).containsKeys("mail." + kind.template() + ".subject", kind.messageKey());
        }
    }

    private static Stream<String> keysIn(Path template) {
        try {
            Matcher matcher = KEY.matcher(Files.readString(template));
            return matcher.results().map(r -> r.group(1)).filter(k -> !k.endsWith(".")).toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = NotifyTextTest.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
