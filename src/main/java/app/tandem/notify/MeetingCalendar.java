package app.tandem.notify;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The .ics file of a meeting (RFC 5545, iTIP): a whole-day event, because Tandem plans meetings by
 * day. A move keeps the UID and raises SEQUENCE; a cancellation is METHOD:CANCEL of the same UID.
 */
@Component
class MeetingCalendar {

    static final String CONTENT_TYPE = "text/calendar; charset=UTF-8; method=";

    String render(String uid, int sequence, LocalDate day, String summary, Recipient organizer,
                  List<Recipient> attendees, boolean cancelled) {
        VEvent event = new VEvent(day, day.plusDays(1), summary);
        event.add(new Uid(uid));
        event.add(new Sequence(sequence));
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
