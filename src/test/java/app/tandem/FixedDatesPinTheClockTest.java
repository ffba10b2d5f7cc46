package app.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Tests that put a fixed calendar date into the running application pin the clock. Programs, terms, timers and due
 * dates are measured against today: a test that starts a term in February 2027 on the wall clock starts it in the
 * future today, mid-term in March, after its end in June, and fails one morning with nobody having changed a line.
 * Read from the sources, as {@code ArchitectureTest} reads feature loops: the date literal is what matters.
 */
class FixedDatesPinTheClockTest {

    private static final Path TESTS = Path.of("src/test/java");
    /** LocalDate.of(2027, ...), LocalDate.parse("2027-02-01"), LocalDateTime.of(2027, ...). */
    private static final Pattern FIXED_DATE = Pattern.compile("LocalDate(Time)?\\.(of\\(\\s*\\d{4}|parse\\(\\s*\")");
    /** In the application or on the engine: the shared context, a started Tandem, an engine of its own. */
    private static final Pattern ON_THE_ENGINE = Pattern.compile(
            "@TandemTest|@SpringBootTest|SpringApplicationBuilder|ProcessEngineExtension|ProcessEngineRule");
    /** ProgramFixture.today(day), DistrictClock.moveTo(instant), ClockUtil.setCurrentTime(date). */
    private static final Pattern PINS = Pattern.compile(
            "\\.today\\(\\s*[^)\\s]|\\bmoveTo\\(|ClockUtil\\.setCurrentTime\\(");
    private static final Pattern RESETS = Pattern.compile("ClockUtil\\.reset\\(\\)|\\bclock\\.reset\\(\\)");
    private static final Pattern A_TEST = Pattern.compile("@(Test|ParameterizedTest|RepeatedTest)\\b");

    @Test
    void shouldPinTheClockWhereATestPutsAFixedDateIntoTheApplication() throws IOException {
        List<String> unpinned = new ArrayList<>();
        List<String> neverReset = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TESTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file);
                if (!A_TEST.matcher(source).find() || !ON_THE_ENGINE.matcher(source).find()) {
                    continue;
                }
                Matcher date = FIXED_DATE.matcher(source);
                boolean pins = PINS.matcher(source).find();
                if (date.find() && !pins) {
                    unpinned.add(TESTS.relativize(file) + ":" + line(source, date.start()));
                }
                if (pins && !RESETS.matcher(source).find()) {
                    neverReset.add(TESTS.relativize(file).toString());
                }
            }
        }
        assertThat(unpinned).as("""
                Test classes that run in the application or on the engine and use a fixed calendar date \
                (LocalDate.of/parse with a literal) without pinning the clock. Dates are measured against today, so \
                such a test changes what it tests once the date is past. Pin the clock to a day beside the date in \
                @BeforeEach or the test: ProgramFixture.today(day), DistrictClock.moveTo(instant) or \
                ClockUtil.setCurrentTime(date); and reset it after each test (ClockUtil.reset()). A plain unit test \
                (no @TandemTest, no Spring context, no engine) may use any date""").isEmpty();
        assertThat(neverReset).as("""
                Test classes that pin the clock and never reset it: the suite shares one application, so the next \
                test class would run on this one's day. Reset it in @AfterEach with ClockUtil.reset()""").isEmpty();
    }

    private static int line(String source, int offset) {
        return (int) source.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
