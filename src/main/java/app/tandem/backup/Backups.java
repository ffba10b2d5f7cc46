package app.tandem.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import app.tandem.system.TandemProperties;

/**
 * Backups of the embedded database (an H2 file, the default): H2's online {@code BACKUP TO} copies it into one zip
 * while Tandem keeps working, and the newest {@code keep} zips stay. Any other database (PostgreSQL, an H2 server)
 * is backed up with its own tools, so here there is nothing to do: an H2 file has one node, and a cluster has none.
 */
@Service
public class Backups {

    static final String PREFIX = "tandem-";
    static final String SUFFIX = ".zip";
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss");
    private static final Logger log = LoggerFactory.getLogger(Backups.class);

    private final BackupSettings settings;
    private final JdbcClient jdbc;
    private final String database;
    private final ZoneId zone;
    private final Clock clock;

    @Autowired
    public Backups(BackupSettings settings, DataSource dataSource, TandemProperties properties) {
        this(settings, dataSource, properties.timeZone(), Clock.systemUTC());
    }

    Backups(BackupSettings settings, DataSource dataSource, ZoneId zone, Clock clock) {
        this.settings = settings;
        this.jdbc = JdbcClient.create(dataSource);
        this.database = describe(dataSource);
        this.zone = zone;
        this.clock = clock;
    }

    /** The embedded H2 file that {@code BACKUP TO} can copy; null for any other database. */
    public boolean available() {
        return database.startsWith("jdbc:h2:") && !database.contains(":mem:") && !database.startsWith("jdbc:h2:tcp:")
                && !database.startsWith("jdbc:h2:ssl:");
    }

    /** The database's address without its settings, for saying which database this is. */
    public String database() {
        int settings = database.indexOf(';');
        return settings < 0 ? database : database.substring(0, settings);
    }

    public Path folder() {
        return settings.folder().toAbsolutePath().normalize();
    }

    public int keep() {
        return settings.keep();
    }

    /**
     * Copies the database into a new zip while it stays in use, then deletes all but the newest {@code keep}. The zip
     * is written under a temporary name and renamed when complete, so a backup cut short is never listed.
     */
    public synchronized BackupFile takeNow() {
        if (!available()) {
            throw new IllegalStateException("Tandem backs up an embedded H2 file only, not " + database());
        }
        try {
            Files.createDirectories(folder());
            String name = PREFIX + NAME.format(clock.instant().atZone(zone)) + SUFFIX;
            Path partial = folder().resolve(name + ".part");
            Path done = folder().resolve(name);
            Files.deleteIfExists(partial);
            jdbc.sql("BACKUP TO '" + partial.toString().replace("'", "''") + "'").update();
            Files.move(partial, done, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            prune();
            BackupFile taken = read(done);
            log.info("Backup {} taken ({} bytes)", taken.name(), taken.size());
            return taken;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a backup to " + folder(), e);
        }
    }

    /** Every backup in the folder, newest first. */
    public List<BackupFile> list() {
        if (!Files.isDirectory(folder())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(Backups::isBackup).map(Backups::read)
                    .sorted(Comparator.comparing(BackupFile::takenAt).thenComparing(BackupFile::name).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the backups in " + folder(), e);
        }
    }

    /** The newest backup that opens as a zip with the database in it. */
    public Optional<BackupFile> lastGood() {
        return list().stream().filter(backup -> readable(folder().resolve(backup.name()))).findFirst();
    }

    private void prune() throws IOException {
        List<BackupFile> all = list();
        for (BackupFile old : all.subList(Math.min(Math.max(1, settings.keep()), all.size()), all.size())) {
            Files.deleteIfExists(folder().resolve(old.name()));
        }
    }

    private static boolean isBackup(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(PREFIX) && name.endsWith(SUFFIX) && Files.isRegularFile(file);
    }

    private static boolean readable(Path zip) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return file.stream().anyMatch(entry -> entry.getName().endsWith(".mv.db") && entry.getSize() != 0);
        } catch (IOException e) {
            return false;
        }
    }

    private static BackupFile read(Path file) {
        try {
            return new BackupFile(file.getFileName().toString(), Files.size(file),
                    Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the database's address", e);
        }
    }
}
