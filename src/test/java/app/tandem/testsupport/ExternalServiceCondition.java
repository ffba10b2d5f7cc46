package app.tandem.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips a test whose outside service is missing, saying why; fails it instead on CI. */
public abstract class ExternalServiceCondition implements ExecutionCondition {

    public static final String PG_URL = Optional.ofNullable(System.getenv("TANDEM_TEST_PG_URL"))
            .orElse("jdbc:postgresql://127.0.0.1:5432/test");
    public static final String PG_USER = Optional.ofNullable(System.getenv("TANDEM_TEST_PG_USER")).orElse("postgres");
    public static final String PG_PASSWORD = Optional.ofNullable(System.getenv("TANDEM_TEST_PG_PASSWORD")).orElse("");

    public static String chromium() {
        return Optional.ofNullable(System.getenv("TANDEM_CHROMIUM")).orElse("/usr/bin/chromium");
    }

    /** @return why the service is missing, or empty when it is there */
    abstract Optional<String> missing();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> missing = missing();
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("available");
        }
        String reason = "Skipped " + context.getDisplayName() + ": " + missing.get();
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(reason + " (CI=true, so this is a failure, not a skip)");
        }
        System.out.println(reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    static final class Browser extends ExternalServiceCondition {
        @Override
        Optional<String> missing() {
            return Files.isExecutable(Path.of(chromium()))
                    ? Optional.empty()
                    : Optional.of("no Chromium at " + chromium() + " (apt-get install chromium, or set TANDEM_CHROMIUM)");
        }
    }

    static final class Postgres extends ExternalServiceCondition {
        @Override
        Optional<String> missing() {
            URI uri = URI.create(PG_URL.substring("jdbc:".length()));
            int port = uri.getPort() < 0 ? 5432 : uri.getPort();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), port), 1000);
                return Optional.empty();
            } catch (IOException e) {
                return Optional.of("no PostgreSQL answers at " + uri.getHost() + ":" + port + " (" + e.getMessage() + ")");
            }
        }
    }
}
