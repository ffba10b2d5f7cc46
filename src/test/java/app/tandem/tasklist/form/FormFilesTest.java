package app.tandem.tasklist.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.tandem.forms.FormSchema;
import app.tandem.forms.FormComponent;
import app.tandem.forms.FormSchemaReader;
import app.tandem.forms.FormText;
import app.tandem.tasklist.form.TextBlock.Span;
import app.tandem.tasklist.form.TextBlock.Span.Style;

/**
 * Every form in /forms as form-js's schema wants it, and its text components as Tandem shows them:
 * the Markdown read, none of its marks left on the page, in every language the bundles give.
 */
class FormFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> forms() throws IOException {
        List<Path> forms;
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            forms = files.filter(f -> f.getFileName().toString().endsWith(".form")).sorted().toList();
        }
        assertThat(forms).isNotEmpty();
        return forms.stream();
    }

    @ParameterizedTest
    @MethodSource("forms")
    void shouldGiveNoLabelOrDescriptionAsNull(Path form) throws IOException {
        List<String> nulls = new ArrayList<>();
        nulls(JSON.readTree(form.toFile()), "$", nulls);
        assertThat(nulls).as("form-js's schema takes a string or nothing, never null").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("forms")
    void shouldShowTheTextComponentsWithoutMarkdownMarks(Path form) throws IOException {
        FormSchema schema;
        try (InputStream in = Files.newInputStream(form)) {
            schema = new FormSchemaReader(JSON).read(in);
        }
        FormText text = new FormText(messages());
        for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("es"))) {
            LocaleContextHolder.setLocale(locale);
            try {
                for (FormComponent component : schema.components()) {
                    if (!"text".equals(component.type())) {
                        continue;
                    }
                    String markdown = text.text(schema, component);
                    List<TextBlock> blocks = TextBlock.of(markdown);
                    assertThat(blocks).as("%s in %s", component.id(), locale).isNotEmpty();
                    for (TextBlock block : blocks) {
                        assertThat(block.text()).as("%s in %s", component.id(), locale)
                                .doesNotContain("**", "__", "](", "#### ").doesNotStartWith("#");
                    }
                    if (markdown.contains("**")) {
                        assertThat(blocks).flatMap(TextBlock::lines).flatMap(TextBlock.Line::spans)
                                .as("%s in %s: its bold words", component.id(), locale)
                                .anyMatch(Span::strong);
                    }
                }
            } finally {
                LocaleContextHolder.resetLocaleContext();
            }
        }
    }

    @Test
    void shouldReadTheMarkdownOfAFormJsTextComponent() {
        List<TextBlock> blocks = TextBlock.of("""
                #### Touchpoint
                Read it under **Campaign → Open feedback**, then *say* what `P2W` means:
                see [the guide](https://example.org/guide?a=1&b=2) or [this](/campaign/plan).
                - first
                - second,
                  continued
                1. one
                2. two

                A snake_case_name, 2 * 3 * 4, and a \\*star\\*.""");

        assertThat(blocks).extracting(TextBlock::kind).containsExactly(TextBlock.Kind.HEADING,
                TextBlock.Kind.PARAGRAPH, TextBlock.Kind.BULLETS, TextBlock.Kind.NUMBERS, TextBlock.Kind.PARAGRAPH);
        assertThat(blocks.get(0).text()).isEqualTo("Touchpoint");
        assertThat(blocks.get(1).lines().get(0).spans()).extracting(Span::style, Span::text, Span::href)
                .containsExactly(
                        tuple(Style.PLAIN, "Read it under ", null),
                        tuple(Style.STRONG, "Campaign → Open feedback", null),
                        tuple(Style.PLAIN, ", then ", null),
                        tuple(Style.EMPHASIS, "say", null),
                        tuple(Style.PLAIN, " what ", null),
                        tuple(Style.CODE, "P2W", null),
                        tuple(Style.PLAIN, " means: see ", null),
                        tuple(Style.LINK, "the guide", "https://example.org/guide?a=1&b=2"),
                        tuple(Style.PLAIN, " or ", null),
                        tuple(Style.LINK, "this", "/campaign/plan"),
                        tuple(Style.PLAIN, ".", null));
        assertThat(blocks.get(2).lines()).extracting(TextBlock.Line::text).containsExactly("first", "second, continued");
        assertThat(blocks.get(3).lines()).extracting(TextBlock.Line::text).containsExactly("one", "two");
        assertThat(blocks.get(4).text()).isEqualTo("A snake_case_name, 2 * 3 * 4, and a *star*.");
    }

    @Test
    void shouldKeepOnlyWebMailAndSameSiteLinksAndNeverHtml() {
        for (String address : List.of("javascript:evil", " JavaScript:evil", "data:text/html,x",
                "//evil.example", "vbscript:x", "https://exa mple.org")) {
            assertThat(TextBlock.line("[click](" + address + ") here").spans())
                    .as(address).containsExactly(new Span(Style.PLAIN, "click here", null));
        }
        assertThat(TextBlock.line("[click](javascript:alert(1))").spans()).as("the address ends at the first ')'")
                .noneMatch(Span::link);
        assertThat(TextBlock.line("[mail us](mailto:help@example.org)").spans())
                .containsExactly(new Span(Style.LINK, "mail us", "mailto:help@example.org"));
        assertThat(TextBlock.line("<script>alert('x')</script> **<b>bold</b>**").spans())
                .as("HTML stays text, for the template to escape")
                .containsExactly(new Span(Style.PLAIN, "<script>alert('x')</script> ", null),
                        new Span(Style.STRONG, "<b>bold</b>", null));
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

    private static void nulls(JsonNode node, String path, List<String> found) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String at = path + "." + field.getKey();
                if (field.getValue().isNull() && List.of("label", "description").contains(field.getKey())) {
                    found.add(at);
                }
                nulls(field.getValue(), at, found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                nulls(node.get(i), path + "[" + i + "]", found);
            }
        }
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages", "messages-tasklist", "messages-notify", "messages-family",
                "messages-campaign", "messages-dashboard");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(Locale.ENGLISH);
        return messages;
    }
}
