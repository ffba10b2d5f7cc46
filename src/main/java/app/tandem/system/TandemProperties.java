package app.tandem.system;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicUrl where people reach Tandem, used in log lines and, later, in emails
 * @param timeZone  the district's time zone: due dates and timers fall at its midnights
 */
@ConfigurationProperties("tandem")
public record TandemProperties(String publicUrl, ZoneId timeZone) {
}
