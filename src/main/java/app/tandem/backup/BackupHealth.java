package app.tandem.backup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The age of the newest good backup; DOWN past {@code tandem.backup.max-age}. In the {@code operations} health group
 * an operator alerts on, not in readiness: an old backup is a reason to look, never to stop serving. A fresh
 * install counts from its start until its first night. Backups are files on the wall clock, so their age is too.
 * Reported as "backups" (Spring Boot drops the bean name's HealthIndicator).
 */
@Component("backupsHealthIndicator")
class BackupHealth implements HealthIndicator {

    private final Backups backups;
    private final Duration maxAge;
    private final Clock clock;
    private final Instant started;

    @Autowired
    BackupHealth(Backups backups, BackupSettings settings) {
        this(backups, settings.maxAge(), Clock.systemUTC());
    }

    BackupHealth(Backups backups, Duration maxAge, Clock clock) {
        this.backups = backups;
        this.maxAge = maxAge;
        this.clock = clock;
        this.started = clock.instant();
    }

    @Override
    public Health health() {
        if (!backups.available()) {
            return Health.unknown().withDetail("database", backups.database())
                    .withDetail("backups", "taken with the database's own tools (README: Backups)").build();
        }
        Optional<BackupFile> last = backups.lastGood();
        Duration age = Duration.between(last.map(BackupFile::takenAt).orElse(started), clock.instant());
        Health.Builder health = age.compareTo(maxAge) > 0 ? Health.down() : Health.up();
        last.ifPresentOrElse(
                backup -> health.withDetail("lastBackup", backup.name()).withDetail("lastBackupAt", backup.takenAt()),
                () -> health.withDetail("lastBackup", "none since " + started));
        return health.withDetail("age", age.withNanos(0).toString())
                .withDetail("ageSeconds", age.toSeconds())
                .withDetail("maxAge", maxAge.toString())
                .withDetail("folder", backups.folder().toString())
                .build();
    }
}
