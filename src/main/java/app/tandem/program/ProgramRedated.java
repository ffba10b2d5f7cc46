package app.tandem.program;

/** A running program's dates moved with its term: whatever shows them should read them again. */
public record ProgramRedated(long termId, String processInstanceId) {
}
