package app.tandem.notify.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ResponseStatusException;

import app.tandem.directory.Role;

/** Who may see the outbox: program managers and operators. Others get a plain 404, as if it were not there. */
final class StaffOnly {

    private StaffOnly() {
    }

    static boolean mayReadOutbox(Authentication who) {
        return who != null && who.getAuthorities().stream().anyMatch(a ->
                a.getAuthority().equals("ROLE_" + Role.MANAGER.groupId())
                        || a.getAuthority().equals("ROLE_" + Role.OPERATOR.groupId()));
    }

    static void requireOutboxReader(Authentication who) {
        if (!mayReadOutbox(who)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
