package app.tandem.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An {@link SmtpSink} in a JVM of its own: the same java and the test class path as this one. Stopped by
 * {@link #close()}, or when this JVM exits.
 */
final class SmtpSinkProcess implements AutoCloseable {

    private final Process process;
    private final PrintStream commands;
    private final BufferedReader answers;
    private final Thread stopOnExit;
    private final int port;

    private SmtpSinkProcess(Process process) throws IOException {
        this.process = process;
        this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.stopOnExit = new Thread(process::destroyForcibly, "smtp-sink-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        String first = answers.readLine();
        if (first == null || !first.startsWith("port ")) {
            close();
            throw new IllegalStateException("The SMTP sink did not start (" + first + "); see its log in target/bench");
        }
        this.port = Integer.parseInt(first.substring("port ".length()));
    }

    static SmtpSinkProcess start() throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path log = Path.of("target", "bench", "smtp-sink.log");
        Files.createDirectories(log.getParent());
        // A heap for a burst of 30,000 reminders' copies; the serial collector keeps its threads off the cores
        // the benchmark shares.
        Process process = new ProcessBuilder(List.of(java, "-Xmx1g", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), SmtpSink.class.getName(),
                System.getProperty("bench.smtp", "plain")))
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new SmtpSinkProcess(process);
    }

    int port() {
        return port;
    }

    /** The sink's received copies above {@code minOutboxId}, and how many of them were an id's second copy. */
    Received received(long minOutboxId) throws IOException {
        String[] words = ask("count " + minOutboxId).split(" ");
        return new Received(Integer.parseInt(words[0]), Integer.parseInt(words[1]));
    }

    void purge() throws IOException {
        ask("purge");
    }

    /** The sink process's CPU time so far (user and system), in nanoseconds. */
    long cpuNanos() {
        return process.info().totalCpuDuration().map(Duration::toNanos)
                .orElseThrow(() -> new IllegalStateException("The SMTP sink's CPU time is not available"));
    }

    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                commands.println("quit");
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroy();
                    if (!process.waitFor(10, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor();
                    }
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running and stops the process itself
            }
        }
    }

    private String ask(String command) throws IOException {
        commands.println(command);
        String answer = answers.readLine();
        if (answer == null) {
            throw new IllegalStateException("The SMTP sink stopped; see its log in target/bench");
        }
        return answer;
    }

    record Received(int copies, int twice) {
    }
}
