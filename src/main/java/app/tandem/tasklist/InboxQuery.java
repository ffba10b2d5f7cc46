package app.tandem.tasklist;

import java.util.Optional;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a person asked the task list for.
 *
 * @param schoolId       only this school, or null for all of theirs
 * @param processKey     only this process, or null for all
 * @param latestDueFirst sort by due date, latest first instead of soonest first
 * @param page           zero-based
 */
public record InboxQuery(InboxView view, Long schoolId, String processKey, boolean latestDueFirst, int page) {

    static final int PAGE_SIZE = 20;

    /** The list in another tab, with the same filters, from its first page. */
    public String link(InboxView other) {
        return url(other, 0);
    }

    /** Another page of this tab. */
    public String page(int other) {
        return url(view, other);
    }

    private String url(InboxView target, int targetPage) {
        return UriComponentsBuilder.fromPath("/tasks")
                .queryParam("view", target.param())
                .queryParamIfPresent("school", Optional.ofNullable(schoolId))
                .queryParamIfPresent("process", Optional.ofNullable(processKey))
                .queryParamIfPresent("order", latestDueFirst ? Optional.of("latest") : Optional.empty())
                .queryParamIfPresent("page", targetPage > 0 ? Optional.of(targetPage) : Optional.empty())
                .build().encode().toUriString();
    }
}
