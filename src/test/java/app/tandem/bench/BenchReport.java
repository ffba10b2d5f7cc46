package app.tandem.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Collects results and writes them as JSON (target/benchmarks) and markdown (docs/benchmarks.md). */
final class BenchReport {

    private final List<Result> results = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void add(Result result) {
        results.add(result);
        System.out.printf(Locale.ROOT, "BENCH %-28s %-10s %-34s median %.2f %s [%.2f..%.2f]%s%n",
                result.scenario(), result.database(), result.metric(), result.median(), result.unit(),
                result.spreadLow(), result.spreadHigh(),
                result.ratio() == null ? "" : String.format(Locale.ROOT, " ratio %.2f", result.ratio()));
    }

    void note(String note) {
        notes.add(note);
    }

    void write(Path json, Path markdown) throws IOException {
        Files.createDirectories(json.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(),
                java.util.Map.of("machine", machine(), "at", Instant.now().toString(), "results", results,
                        "notes", notes));
        StringBuilder md = new StringBuilder();
        md.append("# Tandem benchmarks\n\n");
        md.append("Produced by `./mvnw -Pbench verify` (see README). Each figure is the median of several\n")
                .append("interleaved repetitions, with the lowest and highest run beside it; a ratio compares\n")
                .append("Tandem with the bare engine doing the same work in the same run. What each finding\n")
                .append("changed in Tandem, with figures before and after, is in [benchmark-findings.md]")
                .append("(benchmark-findings.md).\n\n");
        md.append("Machine: ").append(machine()).append("  \nRun at: ").append(Instant.now()).append("\n\n");
        md.append("| scenario | database | measure | median | spread | runs | baseline | ratio | target | met |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f %s | %.1f – %.1f | %d | %s | %s | %s | %s |%n",
                    r.scenario(), r.database(), r.metric(), r.median(), r.unit(), r.spreadLow(), r.spreadHigh(),
                    r.repetitions(), r.baseline() == null ? "" : r.baseline(),
                    r.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f", r.ratio()),
                    r.target(), r.met() == null ? "" : (r.met() ? "yes" : "**no**")));
        }
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        Files.createDirectories(markdown.getParent());
        Files.writeString(markdown, md.toString(), StandardCharsets.UTF_8);
    }

    static String machine() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return String.format(Locale.ROOT, "%s %s, %d cores, %d MiB max heap, Java %s", os.getName(), os.getArch(),
                os.getAvailableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                System.getProperty("java.version"));
    }
}
