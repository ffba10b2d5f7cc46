package app.tandem.notify;

import java.net.URI;
import java.time.LocalDate;
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
     * @param organizer  the username of who planned it; Tandem's own address when not on the staff
     */
    public record Meeting(long milestoneId, long schoolId, String title, LocalDate day, Collection<String> invitees,
                          String organizer) {
    }

    private record Sent(String username, int sequence, LocalDate day, boolean cancelled) {
    }

    private final JdbcClient jdbc;
    private final Recipients recipients;
    private final MailComposer composer;
    private final MeetingCalendar calendar;
    private final Outbox outbox;
    private final MailSettings mail;
    private final TandemProperties properties;

    MeetingInvitations(JdbcClient jdbc, Recipients recipients, MailComposer composer, MeetingCalendar calendar,
                       Outbox outbox, MailSettings mail, TandemProperties properties) {
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
            } else if (!before.day().equals(meeting.day())) {
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
        invites.forEach(r -> send(MessageKind.MEETING_INVITE, meeting, meeting.day(), sequence, organizer, invitees, r));
        updates.forEach(r -> send(MessageKind.MEETING_UPDATE, meeting, meeting.day(), sequence, organizer, invitees, r));
        for (Recipient r : recipients.staff(removed.stream().map(Sent::username).toList())) {
            send(MessageKind.MEETING_CANCELLED, meeting, sent.get(r.username()).day(), sequence, organizer, List.of(r), r);
        }
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
        for (Recipient r : people) {
            Meeting meeting = new Meeting(milestoneId, schoolId, title, sent.get(r.username()).day(), invited,
                    organizerUsername);
            send(MessageKind.MEETING_CANCELLED, meeting, meeting.day(), sequence, organizer, people, r);
        }
    }

    private void send(MessageKind kind, Meeting meeting, LocalDate day, int sequence, Recipient organizer,
                      List<Recipient> attendees, Recipient recipient) {
        boolean cancelled = kind == MessageKind.MEETING_CANCELLED;
        Locale locale = recipient.locale();
        String title = composer.text(locale, "mail.meeting." + meeting.title(), meeting.title());
        String school = recipients.schoolName(meeting.schoolId()).orElse("");
        String dayText = MailComposer.day(day, locale);
        String summary = capitalized(title, locale) + (school.isEmpty() ? "" : " · " + school);
        String ics = calendar.render(uid(meeting.milestoneId()), sequence, day, summary, organizer, attendees, cancelled);
        String key = kind.template() + ":" + meeting.milestoneId() + ":" + sequence + ":" + recipient.username();
        outbox.enqueue(composer.compose(key, kind, recipient, new Object[] {capitalized(title, locale), school, dayText},
                Map.of("meeting", Map.of("title", title, "school", school, "day", dayText, "organizer", organizer.name())),
                new OutgoingMessage.Attachment(cancelled ? "cancel.ics" : "invite.ics",
                        MeetingCalendar.contentType(cancelled), ics)));
        record(meeting.milestoneId(), recipient.username(), sequence, day, cancelled);
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
        return jdbc.sql("select username, sequence_no, starts_at, cancelled from meeting_invitation where milestone_id = ?")
                .param(milestoneId)
                .query((rs, n) -> new Sent(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toLocalDateTime().toLocalDate(),
                        rs.getBoolean(4)))
                .list().stream()
                .collect(Collectors.toMap(Sent::username, Function.identity()));
    }

    private void record(long milestoneId, String username, int sequence, LocalDate day, boolean cancelled) {
        int updated = jdbc.sql("update meeting_invitation set sequence_no = ?, starts_at = ?, ends_at = ?, cancelled = ? "
                        + "where milestone_id = ? and username = ?")
                .params(sequence, day.atStartOfDay(), day.plusDays(1).atStartOfDay(), cancelled, milestoneId, username)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into meeting_invitation (milestone_id, username, sequence_no, starts_at, ends_at, cancelled) "
                            + "values (?, ?, ?, ?, ?, ?)")
                    .params(milestoneId, username, sequence, day.atStartOfDay(), day.plusDays(1).atStartOfDay(), cancelled)
                    .update();
        }
    }
}
