package app.tandem.campaign;

import java.time.LocalDate;
import java.util.List;

/** The session teachers and school leaders are invited to, to design the program with the district. */
public record CoDesignSession(long id, long campaignId, LocalDate sessionOn, String place, String note,
                              List<String> invitedGroups, String createdBy) {
}
