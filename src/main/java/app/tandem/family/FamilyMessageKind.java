package app.tandem.family;

/**
 * What a message to a caregiver is: the program's introduction before the term (4e.2), a progress update (4e.1),
 * or a liaison's answer to the family's mail (in the disclosure log only).
 */
public enum FamilyMessageKind {
    INTRODUCTION,
    PROGRESS_UPDATE,
    ANSWER;

    public String messageKey() {
        return "family.kind." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
