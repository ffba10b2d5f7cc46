package app.tandem.directory;

/** What of a person's account the audit log follows. */
public enum StaffField {
    EMAIL, GROUPS, SCHOOLS, ACTIVE;

    public String messageKey() {
        return "staffChange.field." + name();
    }
}
