package app.tandem.notify;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How each node sends the outbox (see {@link OutboxSender}).
 *
 * @param threads  sending threads on each node
 * @param batch    rows a thread claims at a time
 * @param idleWait how long a thread waits for new mail when nothing is due (new rows on the node wake it at once)
 */
@ConfigurationProperties("tandem.mail.sender")
public record SenderSettings(int threads, int batch, Duration idleWait) {
}
