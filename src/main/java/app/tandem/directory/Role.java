package app.tandem.directory;

/** What a person does in the program; each role is a Camunda group of the same id. */
public enum Role {
    COORDINATOR("coordinators"),
    TEACHER("teachers"),
    LIAISON("liaisons"),
    SCHOOL_LEADER("school-leaders"),
    /** A tutor lead of the tutoring provider: a staff account, so meetings invite and record them like colleagues. */
    TUTOR("tutors"),
    MANAGER("managers"),
    OPERATOR("camunda-admin");

    private final String groupId;

    Role(String groupId) {
        this.groupId = groupId;
    }

    public String groupId() {
        return groupId;
    }

    public String messageKey() {
        return "role." + groupId;
    }
}
