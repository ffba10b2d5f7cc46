package app.tandem.program;

/** A term was cancelled with its program under way: whatever else runs for that term stops too. */
public record ProgramCancelled(long termId, String reason) {
}
