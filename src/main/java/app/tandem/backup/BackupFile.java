package app.tandem.backup;

import java.time.Instant;

/** One backup zip: its file name, its size in bytes and when it was finished. */
public record BackupFile(String name, long size, Instant takenAt) {
}
