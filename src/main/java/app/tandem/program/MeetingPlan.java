package app.tandem.program;

import java.time.LocalDateTime;

/**
 * When and where a meeting takes place: the district's wall-clock time, its length, and a room or a video link
 * (at least one of the two).
 */
public record MeetingPlan(LocalDateTime startsAt, int lengthMinutes, String place, String videoLink) {

    public LocalDateTime endsAt() {
        return startsAt.plusMinutes(lengthMinutes);
    }
}
