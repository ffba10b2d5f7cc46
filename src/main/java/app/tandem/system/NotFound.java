package app.tandem.system;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The one answer for what a person may not see: "not found", the same as for what does not exist, so a page does
 * not tell strangers what is there.
 */
public final class NotFound {

    private NotFound() {
    }

    public static ResponseStatusException answer() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
