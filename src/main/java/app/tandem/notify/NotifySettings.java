package app.tandem.notify;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param digestCron    when the daily digest goes out (a Camunda timer cycle, Quartz-style cron)
 * @param dueSoonWithin how close a due date is "due soon" in the digest
 */
@ConfigurationProperties("tandem.notify")
public record NotifySettings(String digestCron, Period dueSoonWithin) {
}
