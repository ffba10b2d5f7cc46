package app.tandem.backup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Takes the night's backup of the embedded database. A Spring schedule, not an engine timer: the H2 file has one
 * node, and on any other database there is nothing to take.
 */
@Configuration
@EnableScheduling
class NightlyBackup {

    private static final Logger log = LoggerFactory.getLogger(NightlyBackup.class);

    private final Backups backups;

    NightlyBackup(Backups backups) {
        this.backups = backups;
    }

    @Scheduled(cron = "${tandem.backup.cron}", zone = "${tandem.time-zone}")
    void takeTonightsBackup() {
        if (!backups.available()) {
            return;
        }
        try {
            backups.takeNow();
        } catch (RuntimeException e) {
            // Health counts the age of the last good backup and goes down when the next nights fail too.
            log.error("The nightly backup failed", e);
        }
    }
}
