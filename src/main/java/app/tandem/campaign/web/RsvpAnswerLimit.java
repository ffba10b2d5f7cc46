package app.tandem.campaign.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * A few answers a minute per invitation. The RSVP link needs no account and no CSRF token, so this is what stops a
 * script from answering through one link without end. Counted per node, in memory: enough to keep one link from
 * flooding the invitation's history, and nothing to store.
 */
@Component
class RsvpAnswerLimit {

    static final int ANSWERS_PER_MINUTE = 5;
    private static final Duration WINDOW = Duration.ofMinutes(1);
    /** Above this many links in memory, windows that have ended are dropped. */
    private static final int SWEEP_ABOVE = 10_000;

    private final Map<Long, Window> windows = new ConcurrentHashMap<>();

    /** Counts one answer through the invitation's link; false once the link has used up its minute. */
    boolean allow(long invitationId, Instant now) {
        Window window = windows.compute(invitationId,
                (id, current) -> current == null || current.endedBy(now) ? new Window(now, 1) : current.plusOne());
        if (windows.size() > SWEEP_ABOVE) {
            windows.values().removeIf(old -> old.endedBy(now));
        }
        return window.answers() <= ANSWERS_PER_MINUTE;
    }

    private record Window(Instant start, int answers) {

        boolean endedBy(Instant now) {
            return !now.isBefore(start.plus(WINDOW));
        }

        Window plusOne() {
            return new Window(start, answers + 1);
        }
    }
}
