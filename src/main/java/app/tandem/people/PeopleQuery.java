package app.tandem.people;

import java.util.Locale;

import app.tandem.directory.StaffGroups;
import app.tandem.system.ListAddress;

/**
 * What the people page was asked for: text in a name, username or email, a school, a group, a status, and a page.
 * A value that makes no sense (an unknown group or status) is left out rather than refused, so an edited address
 * still shows a list.
 *
 * @param text     what a name, username or email contains; empty for anyone
 * @param schoolId only people who work at this school, or null
 * @param group    only members of this group, or null
 * @param status   only people in this state, or null
 * @param page     from 1
 */
public record PeopleQuery(String text, Long schoolId, String group, Person.Status status, int page) {

    public static final int PAGE_SIZE = 50;
    private static final int TEXT_LENGTH = 100;

    public PeopleQuery {
        text = text == null ? "" : text.strip();
        if (text.length() > TEXT_LENGTH) {
            text = text.substring(0, TEXT_LENGTH);
        }
        page = Math.max(page, 1);
    }

    public static PeopleQuery of(String text, Long schoolId, String group, String status, Integer page) {
        return new PeopleQuery(text, schoolId, group != null && StaffGroups.isKnown(group) ? group : null,
                status(status), page == null ? 1 : page);
    }

    public static PeopleQuery everyone() {
        return new PeopleQuery("", null, null, null, 1);
    }

    /** The same filter on another page: the address of the people page. */
    public String page(int number) {
        return ListAddress.of("/admin/people").with("q", text).with("school", schoolId).with("group", group)
                .with("status", status == null ? null : status.name()).page(number).build();
    }

    public boolean filtered() {
        return !text.isEmpty() || schoolId != null || group != null || status != null;
    }

    private static Person.Status status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Person.Status.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
