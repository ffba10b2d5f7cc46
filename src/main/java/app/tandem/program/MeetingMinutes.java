package app.tandem.program;

/** What was said at a meeting; kept in Tandem's tables only. */
public record MeetingMinutes(String alignmentPoints, String notes, String concerns, String agreedActions) {
}
