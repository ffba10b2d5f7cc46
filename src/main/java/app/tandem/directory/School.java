package app.tandem.directory;

public record School(long id, long districtId, String code, String name) {
}
