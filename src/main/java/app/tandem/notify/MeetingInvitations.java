package app.tandem.notify;

import java.net.URI;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.tandem.system.DistrictClock;
import app.tandem.system.TandemProperties;

/**
 * Calendar invitations to a meeting's invitees. Planning a meeting invites everyone not invited yet;
 * planning it again on another day sends an update to everyone; someone taken off the list, or a
 * dropped meeting, gets a cancellation. Each message is one outbox row per invitee and change.
 */
@Service
public class MeetingInvitations {

    /**
     * @param title      which meeting: mail.meeting.TITLE names it in each reader's language
     * @param startsAt   on the wall clock of the school's district, as are {@code endsAt}
     * @param place      a room, or null when it meets by video only
     * @param videoLink  a video call's address, or null
     * @param organizer  the username of who planned it; Tandem's own address when not on the staff
     */
    public record Meeting(long milestoneId, long schoolId, String title, LocalDateTime startsAt, LocalDateTime endsAt,
                          String place, String videoLink, Collection<String> invitees, String organizer) {

        boolean sameTimeAndPlace(Sent sent) {
            return startsAt.equals(sent.startsAt()) && endsAt.equals(sent.endsAt())
                    && Objects.equals(place, sent.place()) && Objects.equals(videoLink, sent.videoLink());
        }
    }

    private record Sent(String username, int sequence, LocalDateTime startsAt, LocalDateTime endsAt, String place,
                        String videoLink, boolean cancelled) {
    }

    private record Place(String place, String videoLink) {
    }

    private final JdbcClient jdbc;
    private final Recipients recipients;
    private final MailComposer composer;
    private final MeetingCalendar calendar;
    private final Outbox outbox;
    private final MailSettings mail;
    private final TandemProperties properties;
    private final DistrictClock clock;

    MeetingInvitations(JdbcClient jdbc, Recipients recipients, MailComposer composer, MeetingCalendar calendar,
                       Outbox outbox, MailSettings mail, TandemProperties properties, DistrictClock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.recipients = recipients;
        this.composer = composer;
        this.calendar = calendar;
        this.outbox = outbox;
        this.mail = mail;
        this.properties = properties;
    }

    @Transactional
    public void plan(Meeting meeting) {
        Map<String, Sent> sent = sentFor(meeting.milestoneId());
        List<Recipient> invitees = recipients.staff(meeting.invitees());
        List<Recipient> invites = new ArrayList<>();
        List<Recipient> updates = new ArrayList<>();
        for (Recipient invitee : invitees) {
            Sent before = sent.get(invitee.username());
            if (before == null || before.cancelled()) {
                invites.add(invitee);
            } else if (!meeting.sameTimeAndPlace(before)) {
                updates.add(invitee);
            }
        }
        List<Sent> removed = sent.values().stream()
                .filter(s -> !s.cancelled() && !meeting.invitees().contains(s.username()))
                .toList();
        if (invites.isEmpty() && updates.isEmpty() && removed.isEmpty()) {
            return;
        }
        int sequence = sent.values().stream().mapToInt(Sent::sequence).max().orElse(-1) + 1;
        Recipient organizer = organizer(meeting.organizer());
        invites.forEach(r -> send(MessageKind.MEETING_INVITE, meeting, sequence, organizer, invitees, r));
        updates.forEach(r -> send(MessageKind.MEETING_UPDATE, meeting, sequence, organizer, invitees, r));
        for (Recipient r : recipients.staff(removed.stream().map(Sent::username).toList())) {
            send(MessageKind.MEETING_CANCELLED, asSent(meeting, sent.get(r.username())), sequence, organizer,
                    List.of(r), r);
        }
        recordPlace(meeting);
    }

    /** The meeting will not take place: everyone invited gets a cancellation. */
    @Transactional
    public void drop(long milestoneId, long schoolId, String title, String organizerUsername) {
        Map<String, Sent> sent = sentFor(milestoneId);
        List<String> invited = sent.values().stream().filter(s -> !s.cancelled()).map(Sent::username).toList();
        if (invited.isEmpty()) {
            return;
        }
        int sequence = sent.values().stream().mapToInt(Sent::sequence).max().orElse(-1) + 1;
        Recipient organizer = organizer(organizerUsername);
        List<Recipient> people = recipients.staff(invited);
        Meeting dropped = new Meeting(milestoneId, schoolId, title, null, null, null, null, invited, organizerUsername);
        for (Recipient r : people) {
            send(MessageKind.MEETING_CANCELLED, asSent(dropped, sent.get(r.username())), sequence, organizer, people, r);
        }
    }

    /** The meeting as this invitee last heard of it: a cancellation names the time and place they know. */
    private static Meeting asSent(Meeting meeting, Sent sent) {
        return new Meeting(meeting.milestoneId(), meeting.schoolId(), meeting.title(), sent.startsAt(), sent.endsAt(),
                sent.place(), sent.videoLink(), meeting.invitees(), meeting.organizer());
    }

    private void send(MessageKind kind, Meeting meeting, int sequence, Recipient organizer,
                      List<Recipient> attendees, Recipient recipient) {
        boolean cancelled = kind == MessageKind.MEETING_CANCELLED;
        Locale locale = recipient.locale();
        ZoneId zone = clock.forSchool(meeting.schoolId()).zone();
        String title = composer.text(locale, "mail.meeting." + meeting.title(), meeting.title());
        String school = recipients.schoolName(meeting.schoolId()).orElse("");
        String when = MailComposer.timeSpan(meeting.startsAt(), meeting.endsAt(), zone, locale);
        String where = meeting.place() == null ? "" : meeting.place();
        String link = meeting.videoLink() == null ? "" : meeting.videoLink();
        String summary = capitalized(title, locale) + (school.isEmpty() ? "" : " · " + school);
        String ics = calendar.render(new MeetingCalendar.Event(uid(meeting.milestoneId()), sequence,
                meeting.startsAt().atZone(zone), meeting.endsAt().atZone(zone), summary, meeting.place(),
                meeting.videoLink()), organizer, attendees, cancelled);
        String key = kind.template() + ":" + meeting.milestoneId() + ":" + sequence + ":" + recipient.username();
        outbox.enqueue(composer.compose(key, kind, recipient, new Object[] {capitalized(title, locale), school, when},
                Map.of("meeting", Map.of("title", title, "school", school, "day", when, "place", where, "link", link,
                        "organizer", organizer.name())),
                new OutgoingMessage.Attachment(cancelled ? "cancel.ics" : "invite.ics",
                        MeetingCalendar.contentType(cancelled), ics)));
        record(meeting, recipient.username(), sequence, cancelled);
    }

    private Recipient organizer(String username) {
        return recipients.staff(username)
                .orElseGet(() -> new Recipient(null, mail.fromName(), mail.from(), "en"));
    }

    private String uid(long milestoneId) {
        String host = URI.create(properties.publicUrl()).getHost();
        return "tandem-milestone-" + milestoneId + "@" + (host == null ? "tandem" : host);
    }

    private static String capitalized(String text, Locale locale) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
    }

    private Map<String, Sent> sentFor(long milestoneId) {
        Place place = jdbc.sql("select place, video_link from meeting_invitation_place where milestone_id = ?")
                .param(milestoneId)
                .query((rs, n) -> new Place(rs.getString(1), rs.getString(2)))
                .optional().orElse(new Place(null, null));
        return jdbc.sql("select username, sequence_no, starts_at, ends_at, cancelled "
                        + "from meeting_invitation where milestone_id = ?")
                .param(milestoneId)
                .query((rs, n) -> new Sent(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toLocalDateTime(),
                        rs.getTimestamp(4).toLocalDateTime(), place.place(), place.videoLink(), rs.getBoolean(5)))
                .list().stream()
                .collect(Collectors.toMap(Sent::username, Function.identity()));
    }

    private void record(Meeting meeting, String username, int sequence, boolean cancelled) {
        Timestamp starts = Timestamp.valueOf(meeting.startsAt());
        Timestamp ends = Timestamp.valueOf(meeting.endsAt());
        int updated = jdbc.sql("update meeting_invitation set sequence_no = ?, starts_at = ?, ends_at = ?, cancelled = ? "
                        + "where milestone_id = ? and username = ?")
                .params(sequence, starts, ends, cancelled, meeting.milestoneId(), username)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into meeting_invitation (milestone_id, username, sequence_no, starts_at, ends_at, cancelled) "
                            + "values (?, ?, ?, ?, ?, ?)")
                    .params(meeting.milestoneId(), username, sequence, starts, ends, cancelled)
                    .update();
        }
    }

    private void recordPlace(Meeting meeting) {
        int updated = jdbc.sql("update meeting_invitation_place set place = ?, video_link = ? where milestone_id = ?")
                .params(meeting.place(), meeting.videoLink(), meeting.milestoneId())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into meeting_invitation_place (milestone_id, place, video_link) values (?, ?, ?)")
                    .params(meeting.milestoneId(), meeting.place(), meeting.videoLink())
                    .update();
        }
    }
}
