package app.tandem.campaign;

import java.time.LocalDate;

/** One contact with a plan row's audience: when it was due, and what was shared with whom when it was held. */
record Touchpoint(long id, long trackId, int number, LocalDate opensOn, LocalDate dueOn,
                  TouchpointStatus status, LocalDate heldOn, String shared, String withWhom,
                  String recordedBy) {
}
