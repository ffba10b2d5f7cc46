package app.tandem.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** Every word of the campaign's pages comes from its bundle, complete in English and Spanish. */
class CampaignTextTest {

    private static final Pattern KEY = Pattern.compile("#\\{([A-Za-z0-9._-]+)");
    private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:remove");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates/campaign");

    @Test
    void shouldHaveEveryCampaignTextInEnglishAndSpanish() throws IOException {
        Properties english = bundle("messages-campaign.properties");
        Properties spanish = bundle("messages-campaign_es.properties");

        assertThat(spanish.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(english.stringPropertyNames()).allSatisfy(key -> {
            assertThat(spanish.getProperty(key)).as(key).isNotBlank();
            assertThat(english.getProperty(key)).as(key).isNotBlank();
        });
    }

    @Test
    void shouldFindEveryKeyTheCampaignPagesAndModelsName() throws IOException {
        Properties known = bundle("messages-campaign.properties");
        known.putAll(bundle("messages.properties"));
        known.putAll(bundle("messages-notify.properties"));
        List<String> used = new ArrayList<>();
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            for (Path template : files.toList()) {
                Matcher matcher = KEY.matcher(Files.readString(template));
                while (matcher.find()) {
                    if (!matcher.group(1).endsWith(".")) {
                        used.add(matcher.group(1));
                    }
                }
            }
        }
        assertThat(used).isNotEmpty().allSatisfy(key -> assertThat(known).as(key).containsKey(key));
        for (Enum<?>[] values : List.<Enum<?>[]>of(StakeholderGroup.values(), Stance.values(), Influence.values(),
                Channel.values(), PlanStatus.values(), TouchpointStatus.values(), RsvpAnswer.values(),
                NextYear.values())) {
            for (Enum<?> value : values) {
                String key = messageKeyOf(value);
                assertThat(known).as(key).containsKey(key);
            }
        }
        for (PlaybookStep step : PlaybookStep.values()) {
            assertThat(known).containsKeys(step.messageKey(),
                    "task." + StakeholderCampaign.PROCESS_KEY + "." + step.taskKey());
        }
        for (String task : List.of(StakeholderCampaign.MAP_DECISION_MAKERS, StakeholderCampaign.DRAFT_COMMUNICATION_PLAN,
                StakeholderCampaign.APPROVE_COMMUNICATION_PLAN, StakeholderCampaign.HOLD_TOUCHPOINT,
                StakeholderCampaign.ANSWER_FEEDBACK, StakeholderCampaign.REVIEW_THE_YEAR)) {
            assertThat(known).containsKey("campaign.task." + task);
        }
    }

    @Test
    void shouldHaveNoWordsOfTheirOwnInTheCampaignPages() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            for (Path template : files.toList()) {
                for (Element element : Jsoup.parse(Files.readString(template), "", Parser.xmlParser()).getAllElements()) {
                    for (TextNode text : element.textNodes()) {
                        if (text.text().strip().matches(".*\\p{L}.*") && !replaced(element)) {
                            found.add(template.getFileName() + ": " + text.text().strip());
                        }
                    }
                    for (String attribute : List.of("title", "alt", "placeholder", "aria-label")) {
                        if (element.attr(attribute).matches(".*\\p{L}.*")) {
                            found.add(template.getFileName() + ": " + attribute + "=" + element.attr(attribute));
                        }
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    private static String messageKeyOf(Enum<?> value) {
        try {
            return (String) value.getClass().getMethod("messageKey").invoke(value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(value + " has no message key", e);
        }
    }

    private static boolean replaced(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            if (!"html".equals(e.tagName()) && e.attributes().asList().stream()
                    .anyMatch(a -> REPLACING.contains(a.getKey()))) {
                return true;
            }
        }
        return false;
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = CampaignTextTest.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
