package app.tandem.family;

/** What a message to a caregiver is: the program's introduction before the term (4e.2) or a progress update (4e.1). */
public enum FamilyMessageKind {
    INTRODUCTION,
    PROGRESS_UPDATE;

    public String messageKey() {
        return "family.kind." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
