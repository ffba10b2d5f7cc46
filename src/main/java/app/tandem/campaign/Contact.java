package app.tandem.campaign;

import java.time.LocalDate;

/**
 * Someone outside the staff the campaign works with. Not a user: they never sign in.
 *
 * @param leftOn      the day they left the role this contact stands for; null while they hold it
 * @param succeededBy who took the role over, when known
 */
public record Contact(long id, long districtId, String fullName, String organisation, StakeholderGroup group,
                      String roleTitle, boolean decisionMaker, Influence influence, Stance stance, String email,
                      String phone, String language, Channel channel, String ownerUsername, LocalDate leftOn,
                      Long succeededBy) {

    public boolean current() {
        return leftOn == null;
    }
}
