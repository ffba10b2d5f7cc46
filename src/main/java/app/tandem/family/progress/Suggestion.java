package app.tandem.family.progress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.tandem.family.UpdateDraft;

/**
 * A progress update as the tutoring data drafts it. Any part may be null where the data says nothing; the coordinator
 * picks those, and may change the rest.
 *
 * @param sessionsAttended  attended in the weeks the update reports on; null with no week reported
 * @param sessionsScheduled scheduled in the same weeks
 */
public record Suggestion(String subject, String standing, String atHome, String win, Integer sessionsAttended,
                         Integer sessionsScheduled, Assessment latest, Trend trend) {

    /** As a person would enter it in the draft form. */
    public Map<String, List<String>> asEntered() {
        Map<String, List<String>> entered = new LinkedHashMap<>();
        put(entered, UpdateDraft.SUBJECT, subject);
        put(entered, UpdateDraft.STANDING, standing);
        put(entered, UpdateDraft.AT_HOME, atHome);
        put(entered, UpdateDraft.WIN, win);
        put(entered, UpdateDraft.SESSIONS_ATTENDED, sessionsAttended == null ? null : sessionsAttended.toString());
        return entered;
    }

    private static void put(Map<String, List<String>> entered, String key, String value) {
        if (value != null) {
            entered.put(key, List.of(value));
        }
    }
}
