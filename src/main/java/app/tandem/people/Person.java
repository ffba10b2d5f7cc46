package app.tandem.people;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import app.tandem.directory.StaffMember;

/**
 * One line of the people page.
 *
 * @param invitationExpires when an open invitation's link expires; null without one, {@link Instant#MAX} while its
 *                          mail is still being sent
 * @param changeable        whether the viewer may change this person (StaffEditor decides)
 */
public record Person(StaffMember member, Set<String> groups, List<String> schools, Status status,
                     Instant invitationExpires, boolean changeable) {

    public enum Status {
        INVITED, ACTIVE, DEACTIVATED;

        public String messageKey() {
            return "people.status." + name();
        }
    }
}
