package app.tandem.family;

/**
 * What a progress update says, each part one of the reviewed texts (so it reads the same in every
 * reviewed language): the subject, where the student stands against grade level, one thing to do at
 * home, one win to celebrate, and how many sessions they attended. The choices are the draft form's options.
 */
public record UpdateDraft(String subject, String standing, String atHome, String win, int sessionsAttended) {

    /** The draft form's keys. */
    public static final String SUBJECT = "subject";
    public static final String STANDING = "standing";
    public static final String AT_HOME = "atHome";
    public static final String WIN = "win";
    public static final String SESSIONS_ATTENDED = "sessionsAttended";
}
