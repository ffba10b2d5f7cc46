package app.tandem.backup;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param folder where the nightly zips go; another disk than {@code ./data} is better
 * @param keep   how many of the newest backups stay; older ones are deleted after each new one
 * @param cron   when the nightly backup runs (Spring cron, the district's time zone)
 * @param maxAge health reports the backups down when the newest good one is older than this
 */
@ConfigurationProperties("tandem.backup")
public record BackupSettings(Path folder, int keep, String cron, Duration maxAge) {
}
