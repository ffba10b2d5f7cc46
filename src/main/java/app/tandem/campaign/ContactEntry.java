package app.tandem.campaign;

/** A contact as a manager typed it, before it is checked. */
public record ContactEntry(String contactName, String contactOrganisation, String contactGroup, String contactRole,
                           Boolean decisionMaker, String contactInfluence, String contactStance, String contactEmail,
                           String contactPhone, String contactLanguage, String contactChannel, String contactOwner) {

    public boolean decides() {
        return Boolean.TRUE.equals(decisionMaker);
    }

    public static ContactEntry blank() {
        return new ContactEntry("", "", "", "", false, Influence.MEDIUM.code(), Stance.NEUTRAL.code(), "", "", "en",
                Channel.EMAIL.code(), "");
    }

    public static ContactEntry of(Contact contact) {
        return new ContactEntry(contact.fullName(), contact.organisation(), contact.group().code(),
                contact.roleTitle(), contact.decisionMaker(), contact.influence().code(), contact.stance().code(),
                contact.email(), contact.phone(), contact.language(), contact.channel().code(),
                contact.ownerUsername());
    }
}
