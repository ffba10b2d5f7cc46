package app.tandem.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Backups of an H2 file taken while it is open, kept to the newest few, and their age in health. */
class BackupsTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final Instant NIGHT = Instant.parse("2026-03-02T08:30:00Z");

    @TempDir
    Path data;

    @Test
    void shouldCopyTheOpenDatabaseIntoAZipAndKeepTheNewestOnly() throws IOException {
        JdbcDataSource database = file("tandem");
        JdbcClient.create(database).sql("create table note (id int primary key)").update();
        Backups backups = backups(database, 2, NIGHT);

        BackupFile first = backups.takeNow();

        assertThat(first.name()).isEqualTo("tandem-2026-03-02-023000.zip");
        assertThat(first.size()).isPositive();
        assertThat(data.resolve("backups").resolve(first.name())).isRegularFile();
        assertThat(backups.lastGood()).contains(first);

        BackupFile second = backups(database, 2, NIGHT.plus(Duration.ofDays(1))).takeNow();
        BackupFile third = backups(database, 2, NIGHT.plus(Duration.ofDays(2))).takeNow();

        assertThat(backups.list()).extracting(BackupFile::name).containsExactly(third.name(), second.name());
        try (var left = Files.list(data.resolve("backups"))) {
            assertThat(left).as("nothing half written left behind").hasSize(2);
        }
    }

    @Test
    void shouldReportTheAgeOfTheLastGoodBackupAndGoDownPastTheLimit() throws IOException {
        Backups backups = backups(file("tandem"), 3, NIGHT);
        BackupFile taken = backups.takeNow();
        Files.setLastModifiedTime(data.resolve("backups").resolve(taken.name()), FileTime.from(NIGHT));
        Files.writeString(data.resolve("backups").resolve("tandem-2026-03-03-023000.zip"), "cut short");

        Health fresh = health(backups, NIGHT.plus(Duration.ofHours(20)));
        assertThat(fresh.getStatus()).isEqualTo(Status.UP);
        assertThat(fresh.getDetails()).containsEntry("lastBackup", taken.name()).containsEntry("age", "PT20H")
                .containsEntry("ageSeconds", 72_000L).containsEntry("maxAge", "PT36H");

        Health stale = health(backups, NIGHT.plus(Duration.ofHours(37)));
        assertThat(stale.getStatus()).isEqualTo(Status.DOWN);
        assertThat(stale.getDetails()).as("a zip that does not open is no backup")
                .containsEntry("lastBackup", taken.name()).containsEntry("age", "PT37H");
    }

    @Test
    void shouldCountAFreshInstallFromItsStartUntilItsFirstBackup() {
        Backups backups = backups(file("tandem"), 3, NIGHT);
        MovableClock clock = new MovableClock(NIGHT);
        BackupHealth health = new BackupHealth(backups, Duration.ofHours(36), clock);

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        clock.now = NIGHT.plus(Duration.ofHours(40));
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsEntry("lastBackup", "none since " + NIGHT);
    }

    @Test
    void shouldLeaveAnyOtherDatabaseToItsOwnTools() {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:backups-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Backups backups = backups(memory, 3, NIGHT);

        assertThat(backups.available()).isFalse();
        assertThatThrownBy(backups::takeNow).hasMessageContaining("embedded H2 file only");
        Health health = health(backups, NIGHT);
        assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(health.getDetails()).containsKey("database");
    }

    private JdbcDataSource file(String name) {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:file:" + data.resolve(name) + ";DB_CLOSE_DELAY=-1");
        source.setUser("sa");
        return source;
    }

    private Backups backups(JdbcDataSource database, int keep, Instant now) {
        return new Backups(new BackupSettings(data.resolve("backups"), keep, "0 30 2 * * *", Duration.ofHours(36)),
                database, CHICAGO, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Health health(Backups backups, Instant now) {
        return new BackupHealth(backups, Duration.ofHours(36), Clock.fixed(now, ZoneOffset.UTC)).health();
    }

    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
