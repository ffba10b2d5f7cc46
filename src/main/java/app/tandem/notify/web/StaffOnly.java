package app.tandem.notify.web;

import app.tandem.directory.Role;
import app.tandem.directory.Viewer;
import app.tandem.system.NotFound;

/** Who may see the outbox: program managers and operators. Others get a plain 404, as if it were not there. */
final class StaffOnly {

    private StaffOnly() {
    }

    static boolean mayReadOutbox(Viewer who) {
        return who.hasAny(Role.MANAGER, Role.OPERATOR);
    }

    static void requireOutboxReader(Viewer who) {
        if (!mayReadOutbox(who)) {
            throw NotFound.answer();
        }
    }
}
