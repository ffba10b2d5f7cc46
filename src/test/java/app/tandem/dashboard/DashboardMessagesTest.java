package app.tandem.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class DashboardMessagesTest {

    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{(dashboard\\.[A-Za-z0-9_.\\-]+)");

    @Test
    void shouldHaveEveryDashboardTextInEnglishAndSpanish() throws IOException {
        Properties english = load("messages-dashboard.properties");
        Properties spanish = load("messages-dashboard_es.properties");

        assertThat(spanish.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        assertThat(spanish.values()).allSatisfy(text -> assertThat(text.toString()).isNotBlank());
    }

    @Test
    void shouldFindEveryKeyTheTemplatesNameInTheBundle() throws IOException {
        Properties english = load("messages-dashboard.properties");
        Set<String> named = new TreeSet<>();
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates/dashboard"))) {
            for (Path template : templates.toList()) {
                Matcher matcher = LITERAL_KEY.matcher(Files.readString(template));
                while (matcher.find()) {
                    named.add(matcher.group(1));
                }
            }
        }
        assertThat(named).isNotEmpty();
        assertThat(english.stringPropertyNames()).containsAll(named);
        for (Indicator indicator : Indicator.values()) {
            assertThat(english).containsKeys(indicator.nameKey(), indicator.ruleKey());
        }
        for (Phase phase : Phase.values()) {
            assertThat(english).containsKey(phase.messageKey());
        }
        for (NextStep step : NextStep.values()) {
            assertThat(english).containsKey(step.messageKey());
        }
        for (RowStatus status : RowStatus.values()) {
            assertThat(english).containsKeys(status.messageKey(), status.messageKey() + ".rule");
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                DashboardMessagesTest.class.getClassLoader().getResourceAsStream(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
