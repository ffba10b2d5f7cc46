package app.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.attoparser.AbstractMarkupHandler;
import org.attoparser.MarkupParser;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every word a person reads comes from the message bundles, in English and in Spanish: a template
 * with text of its own, a key missing in one language, or a key a template asks for and no bundle
 * has, fails here.
 */
class MessageBundlesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path TEMPLATES = RESOURCES.resolve("templates");
    /** Attributes that replace an element's body, so the text inside is only a designer's placeholder. */
    private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:remove",
            "sec:authentication");
    /** Attributes a screen reader or a browser shows to people. */
    private static final Set<String> SHOWN = Set.of("title", "alt", "placeholder", "aria-label", "label");
    private static final Pattern ENTITY = Pattern.compile("&[A-Za-z0-9#]+;");
    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)");

    @Test
    void shouldHaveEveryKeyInEnglishAndInSpanish() throws IOException {
        List<String> gaps = new ArrayList<>();
        for (Path english : englishBundles()) {
            String name = english.getFileName().toString();
            Path spanish = english.resolveSibling(name.replace(".properties", "_es.properties"));
            assertThat(spanish).as("Spanish bundle beside " + name).exists();
            Set<String> en = load(english).stringPropertyNames();
            Set<String> es = load(spanish).stringPropertyNames();
            new TreeSet<>(en).stream().filter(key -> !es.contains(key))
                    .forEach(key -> gaps.add(spanish.getFileName() + " lacks " + key));
            new TreeSet<>(es).stream().filter(key -> !en.contains(key))
                    .forEach(key -> gaps.add(name + " lacks " + key));
        }
        assertThat(gaps).isEmpty();
    }

    @Test
    void shouldHaveNoTextOfTheirOwnInTemplates() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path template : templates()) {
            found.addAll(hardCodedText(template));
        }
        assertThat(found).isEmpty();
    }

    @Test
    void shouldFindEveryMessageThatATemplateAsksFor() throws IOException {
        Set<String> keys = new HashSet<>();
        for (Path english : englishBundles()) {
            keys.addAll(load(english).stringPropertyNames());
        }
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher matcher = MESSAGE_KEY.matcher(Files.readString(template));
            while (matcher.find()) {
                if (!keys.contains(matcher.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + " asks for " + matcher.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void shouldCatchTextOfItsOwnInATemplate() throws IOException {
        Path template = Files.createTempFile("sample", ".html");
        Files.writeString(template, """
                <html th:replace="~{fragments/layout :: layout(~{::title}, ~{::section})}"><section>
                <div th:text="#{ok}">Placeholder is fine</div>
                <p>Hard-coded words</p>
                <button aria-label="Close">&times;</button>
                <span aria-hidden="true">\u00b7</span>
                </section></html>
                """);
        try {
            assertThat(hardCodedText(template)).hasSize(2)
                    .anyMatch(line -> line.contains("Hard-coded words"))
                    .anyMatch(line -> line.contains("aria-label"));
        } finally {
            Files.delete(template);
        }
    }

    private static List<String> hardCodedText(Path template) throws IOException {
        TextFinder finder = new TextFinder(template.startsWith(TEMPLATES)
                ? TEMPLATES.relativize(template).toString() : template.getFileName().toString());
        try (Reader reader = Files.newBufferedReader(template, StandardCharsets.UTF_8)) {
            new MarkupParser(ParseConfiguration.htmlConfiguration()).parse(reader, finder);
        } catch (ParseException e) {
            throw new IllegalStateException("Cannot parse " + template, e);
        }
        return finder.found;
    }

    /**
     * Task names and process names reach people in the task list, its filters and mail subjects: every user
     * task of every model, and every model, has its name in both languages (the model's English name is
     * only a fallback).
     */
    @Test
    void shouldNameEveryUserTaskAndEveryProcessInBothLanguages() throws IOException {
        Set<String> en = new HashSet<>();
        Set<String> es = new HashSet<>();
        for (Path english : englishBundles()) {
            en.addAll(load(english).stringPropertyNames());
            es.addAll(load(english.resolveSibling(english.getFileName().toString()
                    .replace(".properties", "_es.properties"))).stringPropertyNames());
        }
        Pattern process = Pattern.compile("<bpmn:process id=\"([^\"]+)\"");
        Pattern userTask = Pattern.compile("<bpmn:userTask id=\"([^\"]+)\"");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> models = Files.list(Path.of("processes"))) {
            for (Path model : models.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                String xml = Files.readString(model, StandardCharsets.UTF_8);
                Matcher key = process.matcher(xml);
                assertThat(key.find()).as("a process in " + model).isTrue();
                List<String> wanted = new ArrayList<>(List.of("process." + key.group(1)));
                Matcher task = userTask.matcher(xml);
                while (task.find()) {
                    wanted.add("task." + key.group(1) + "." + task.group(1));
                }
                for (String code : wanted) {
                    if (!en.contains(code)) {
                        missing.add(code + " (English)");
                    }
                    if (!es.contains(code)) {
                        missing.add(code + " (Spanish)");
                    }
                }
            }
        }
        assertThat(missing).as("names missing from the bundles").isEmpty();
    }

    /**
     * A task form's words reach people beside the task: every text block, label, description and option of
     * every form in /forms has its key in both languages (the .form file's English is only a fallback).
     */
    @Test
    void shouldGiveEveryTaskFormInBothLanguages() throws IOException {
        Set<String> en = new HashSet<>();
        Set<String> es = new HashSet<>();
        for (Path english : englishBundles()) {
            en.addAll(load(english).stringPropertyNames());
            es.addAll(load(english.resolveSibling(english.getFileName().toString()
                    .replace(".properties", "_es.properties"))).stringPropertyNames());
        }
        List<String> missing = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
                JsonNode schema = json.readTree(form.toFile());
                for (String code : formKeys(schema.path("id").asText(), schema.path("components"))) {
                    if (!en.contains(code)) {
                        missing.add(code + " (English)");
                    }
                    if (!es.contains(code)) {
                        missing.add(code + " (Spanish)");
                    }
                }
            }
        }
        assertThat(missing).as("form words missing from the bundles").isEmpty();
    }

    /** The keys FormText reads for a form's components, nested ones included. */
    private static List<String> formKeys(String formId, JsonNode components) {
        List<String> keys = new ArrayList<>();
        for (JsonNode component : components) {
            String key = component.path("key").asText(null);
            if ("text".equals(component.path("type").asText())) {
                keys.add("form." + formId + "." + component.path("id").asText());
            }
            if (key != null) {
                if (component.hasNonNull("label") || component.hasNonNull("dateLabel")
                        || component.hasNonNull("timeLabel")) {
                    keys.add("field." + key);
                }
                if (!component.path("description").asText("").isBlank()) {
                    keys.add("form." + formId + "." + key + ".description");
                }
                for (JsonNode option : component.path("values")) {
                    keys.add("form." + formId + "." + key + ".option." + option.path("value").asText());
                }
            }
            keys.addAll(formKeys(formId, component.path("components")));
        }
        return keys;
    }

    /**
     * One formatter per locale (system.Formats): a template that formats a day, a time or a number itself, or Java
     * code with a formatter of its own, writes a second style beside the pages' one. Files for spreadsheets and
     * machines (CSV exports, backup file names, timer dates) keep ISO-8601 and are named here.
     */
    @Test
    void shouldWriteDaysTimesAndNumbersThroughTheOneFormatter() throws IOException {
        Pattern inTemplates = Pattern.compile("#(temporals|dates|calendars)\\.format|#numbers\\.format");
        Pattern inJava = Pattern.compile("DateTimeFormatter\\.(ofPattern|ofLocalized)|NumberFormat\\.get|new DecimalFormat"
                + "|new SimpleDateFormat|String\\.format\\([^;]*%[,.]");
        Set<String> dataFormats = Set.of("system/Formats.java", "backup/Backups.java",
                "family/web/DisclosuresCsv.java", "directory/web/ChangeLogController.java",
                "family/CaregiverUpdateCadence.java");
        List<String> found = new ArrayList<>();
        for (Path template : templates()) {
            Matcher matcher = inTemplates.matcher(Files.readString(template));
            while (matcher.find()) {
                found.add(TEMPLATES.relativize(template) + " formats with " + matcher.group());
            }
        }
        Path code = Path.of("src/main/java/app/tandem");
        try (Stream<Path> files = Files.walk(code)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String name = code.relativize(file).toString().replace('\\', '/');
                Matcher matcher = inJava.matcher(Files.readString(file));
                if (!dataFormats.contains(name) && matcher.find()) {
                    found.add(name + " formats with " + matcher.group());
                }
            }
        }
        assertThat(found).as("formatting outside system.Formats").isEmpty();
    }

    private static List<Path> englishBundles() throws IOException {
        try (Stream<Path> files = Files.list(RESOURCES)) {
            return files.filter(f -> f.getFileName().toString().matches("messages(-[a-z]+)?\\.properties")).sorted()
                    .toList();
        }
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static final class TextFinder extends AbstractMarkupHandler {
        private final String file;
        private final List<String> found = new ArrayList<>();
        private final Deque<Element> open = new ArrayDeque<>();
        private Element starting;

        TextFinder(String file) {
            this.file = file;
        }

        @Override
        public void handleOpenElementStart(char[] buffer, int offset, int len, int line, int col) {
            starting = new Element(new String(buffer, offset, len), replaced());
        }

        @Override
        public void handleStandaloneElementStart(char[] buffer, int offset, int len, boolean minimized, int line,
                                                 int col) {
            starting = new Element(new String(buffer, offset, len), replaced());
        }

        @Override
        public void handleAttribute(char[] buffer, int nameOffset, int nameLen, int nameLine, int nameCol,
                                    int operatorOffset, int operatorLen, int operatorLine, int operatorCol,
                                    int valueContentOffset, int valueContentLen, int valueOuterOffset,
                                    int valueOuterLen, int valueLine, int valueCol) {
            String name = new String(buffer, nameOffset, nameLen);
            String value = new String(buffer, valueContentOffset, valueContentLen);
            // A page puts its <html> into the layout and passes its own sections along, so those stay checked.
            if (REPLACING.contains(name) && !starting.name.equalsIgnoreCase("html")) {
                starting.replaced = true;
            }
            if (SHOWN.contains(name) && hasWords(value)) {
                found.add(file + ":" + nameLine + " " + name + "=\"" + value + "\"");
            }
        }

        @Override
        public void handleOpenElementEnd(char[] buffer, int offset, int len, int line, int col) {
            open.push(starting);
        }

        @Override
        public void handleCloseElementStart(char[] buffer, int offset, int len, int line, int col) {
            close(new String(buffer, offset, len));
        }

        @Override
        public void handleAutoCloseElementStart(char[] buffer, int offset, int len, int line, int col) {
            close(new String(buffer, offset, len));
        }

        @Override
        public void handleText(char[] buffer, int offset, int len, int line, int col) {
            String text = new String(buffer, offset, len).strip();
            boolean code = !open.isEmpty() && (open.peek().name.equals("script") || open.peek().name.equals("style"));
            if (!replaced() && !code && hasWords(text)) {
                found.add(file + ":" + line + " \"" + text + "\"");
            }
        }

        private void close(String name) {
            while (!open.isEmpty()) {
                if (open.pop().name.equalsIgnoreCase(name)) {
                    return;
                }
            }
        }

        private boolean replaced() {
            return !open.isEmpty() && open.peek().replaced;
        }

        private static boolean hasWords(String text) {
            return ENTITY.matcher(text).replaceAll("").chars().anyMatch(Character::isLetter);
        }
    }

    private static final class Element {
        private final String name;
        private boolean replaced;

        Element(String name, boolean insideReplaced) {
            this.name = name;
            this.replaced = insideReplaced;
        }
    }
}
