package app.tandem.family;

/** WAITING for a liaison; DONE; NOT_POSSIBLE: no one could translate it, so it goes out in English. */
public enum TranslationStatus {
    WAITING,
    DONE,
    NOT_POSSIBLE
}
