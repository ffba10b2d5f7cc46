package app.tandem.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param digestCron when the daily digest goes out (a Camunda timer cycle, Quartz-style cron). What counts as due
 *                   soon in it is a district's setting: {@code DistrictSettings.dueSoonWithin}.
 */
@ConfigurationProperties("tandem.notify")
public record NotifySettings(String digestCron) {
}
