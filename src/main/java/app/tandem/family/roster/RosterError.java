package app.tandem.family.roster;

/** What is wrong with one cell of the file: its row (the header is row 1), its column and why. */
public record RosterError(int row, String column, String reason) {
}
