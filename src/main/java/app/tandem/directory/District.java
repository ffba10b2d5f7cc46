package app.tandem.directory;

import java.time.ZoneId;

public record District(long id, String code, String name, ZoneId timeZone) {
}
