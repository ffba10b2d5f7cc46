package app.tandem.program.web;

import java.util.Locale;

import app.tandem.directory.TermStatus;
import app.tandem.system.ListAddress;

/**
 * What the terms page was asked for: text in a school's name or code, a status, a program year and a page. A value
 * that makes no sense is left out rather than refused, so an edited address still shows a list.
 *
 * @param year a program year's name such as 2026-27, or empty for every year
 */
record TermsQuery(String text, TermStatus status, String year, int page) {

    private static final int TEXT_LENGTH = 100;

    TermsQuery {
        text = text == null ? "" : text.strip();
        if (text.length() > TEXT_LENGTH) {
            text = text.substring(0, TEXT_LENGTH);
        }
        year = year == null ? "" : year.strip();
        page = Math.max(page, 1);
    }

    static TermsQuery of(String text, String status, String year, Integer page) {
        return new TermsQuery(text, status(status), year, page == null ? 1 : page);
    }

    static TermsQuery everything() {
        return new TermsQuery("", null, "", 1);
    }

    /** The same filter on another page: the address of the terms page. */
    public String page(int number) {
        return ListAddress.of("/admin/terms").with("q", text)
                .with("status", status == null ? null : status.name().toLowerCase(Locale.ROOT)).with("year", year)
                .page(number).build();
    }

    public boolean filtered() {
        return !text.isEmpty() || status != null || !year.isEmpty();
    }

    private static TermStatus status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return TermStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
