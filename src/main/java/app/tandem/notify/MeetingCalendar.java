package app.tandem.notify;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.ZonedDateTime;
import java.util.List;

import org.springframework.stereotype.Component;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The .ics file of a meeting (RFC 5545, iTIP): its start and end in the district's time zone (TZID, with the
 * zone's VTIMEZONE, so every calendar shows the same moment), its room as LOCATION and its video link as URL.
 * A move keeps the UID and raises SEQUENCE; a cancellation is METHOD:CANCEL of the same UID.
 */
@Component
class MeetingCalendar {

    static final String CONTENT_TYPE = "text/calendar; charset=UTF-8; method=";

    /** One meeting as calendars see it; {@code place} or {@code videoLink} may be null, not both. */
    record Event(String uid, int sequence, ZonedDateTime start, ZonedDateTime end, String summary, String place,
                 String videoLink) {
    }

    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

    String render(Event meeting, Recipient organizer, List<Recipient> attendees, boolean cancelled) {
        VEvent event = new VEvent(meeting.start(), meeting.end(), meeting.summary());
        event.add(new Uid(meeting.uid()));
        event.add(new Sequence(meeting.sequence()));
        if (meeting.place() != null) {
            event.add(new Location(meeting.place()));
        } else {
            event.add(new Location(meeting.videoLink()));
        }
        if (meeting.videoLink() != null) {
            event.add(new Url(URI.create(meeting.videoLink())));
            event.add(new Description(meeting.videoLink()));
        }
        event.add(new Organizer(URI.create("mailto:" + organizer.address())).add(new Cn(organizer.name())));
        for (Recipient attendee : attendees) {
            event.add(new Attendee(URI.create("mailto:" + attendee.address()))
                    .add(new Cn(attendee.name()))
                    .add(Role.REQ_PARTICIPANT)
                    .add(PartStat.NEEDS_ACTION)
                    .add(Rsvp.TRUE));
        }
        event.add(cancelled ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        Calendar calendar = new Calendar()
                .add(new ProdId("-//Tandem//Meeting invitations//EN"))
                .add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN)
                .add(cancelled ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        calendar.add(zones.getTimeZone(meeting.start().getZone().getId()).getVTimeZone());
        calendar.add(event);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String contentType(boolean cancelled) {
        return CONTENT_TYPE + (cancelled ? "CANCEL" : "REQUEST");
    }
}
