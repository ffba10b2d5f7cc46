package app.tandem.notify;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Reads the replies mailbox on a schedule, on every node (the claim by Message-ID keeps each mail to one). */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "tandem.mail.inbox.enabled", havingValue = "true")
class ReplyPolling {
}
