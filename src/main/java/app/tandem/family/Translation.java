package app.tandem.family;

/** A liaison's translation of a message into a language that has no reviewed text. */
public record Translation(long id, Long updateId, Long familyMessageId, String language, TranslationStatus status,
                          String text, String translatedBy) {
}
