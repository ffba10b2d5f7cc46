package app.tandem.directory;

import java.util.List;

/**
 * The tutoring provider a school works with in one term, and its tutor leads (usernames of staff accounts in the
 * tutors group at the school).
 */
public record TutoringProvider(long termId, String name, List<String> tutorLeads) {

    public TutoringProvider {
        tutorLeads = List.copyOf(tutorLeads);
    }
}
