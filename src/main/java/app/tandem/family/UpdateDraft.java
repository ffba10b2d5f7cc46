package app.tandem.family;

import java.util.List;

/**
 * What a progress update says, each part one of the reviewed texts (so it reads the same in every
 * reviewed language): the subject, where the student stands against grade level, one thing to do at
 * home, one win to celebrate, and how many sessions they attended.
 */
public record UpdateDraft(String subject, String standing, String atHome, String win, int sessionsAttended) {

    public static final List<String> SUBJECTS = List.of("reading", "math");
    public static final List<String> STANDINGS = List.of("well-below", "below", "approaching", "at", "above");
    public static final List<String> AT_HOME = List.of("read-together", "talk-about-books", "practice-facts",
            "measure-cooking", "count-money", "explain-thinking");
    public static final List<String> WINS = List.of("every-session", "new-skill", "moved-up", "great-questions",
            "kept-trying", "helped-others");
}
