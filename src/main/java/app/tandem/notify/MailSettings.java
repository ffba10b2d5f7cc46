package app.tandem.notify;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * Where and how Tandem sends mail.
 *
 * @param embedded       the SMTP server started inside Tandem (default profile only)
 * @param connectTimeout SMTP connect timeout; a bare number means seconds
 * @param readTimeout    SMTP read timeout; a bare number means seconds
 * @param writeTimeout   SMTP write timeout; a bare number means seconds
 * @param retryCycle     waits between attempts after a temporary failure, such as PT1M,PT5M,PT15M
 * @param poolSize       open SMTP connections kept for the next messages
 * @param linkSecret     signs the unsubscribe links and reply addresses of family mail; blank: a key Tandem keeps
 */
@ConfigurationProperties("tandem.mail")
public record MailSettings(Embedded embedded, String host, int port, String username, String password,
                           boolean startTls, String from, String fromName,
                           @DurationUnit(ChronoUnit.SECONDS) Duration connectTimeout,
                           @DurationUnit(ChronoUnit.SECONDS) Duration readTimeout,
                           @DurationUnit(ChronoUnit.SECONDS) Duration writeTimeout,
                           String retryCycle, int poolSize, String linkSecret) {

    /**
     * The waits of {@code retryCycle}: a list such as PT1M,PT5M,PT15M, or R3/PT5M for the same wait three times.
     * A message is tried once and then after each wait; then its retries have run out.
     */
    public java.util.List<Duration> retryWaits() {
        java.util.List<Duration> waits = new java.util.ArrayList<>();
        for (String part : retryCycle.split(",")) {
            String wait = part.strip();
            if (wait.startsWith("R") && wait.contains("/")) {
                int times = Integer.parseInt(wait.substring(1, wait.indexOf('/')));
                Duration each = Duration.parse(wait.substring(wait.indexOf('/') + 1));
                for (int i = 0; i < times; i++) {
                    waits.add(each);
                }
            } else if (!wait.isEmpty()) {
                waits.add(Duration.parse(wait));
            }
        }
        return waits;
    }

    /** @param imapPort where the embedded server also serves the replies mailbox over IMAP (0: any free port) */
    public record Embedded(boolean enabled, int port, int imapPort) {
    }
}
