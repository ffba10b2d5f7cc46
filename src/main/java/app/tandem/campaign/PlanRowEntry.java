package app.tandem.campaign;

/** A plan row as a manager typed it in the plan editor, before it is checked. */
public record PlanRowEntry(String rowGroup, String audience, String keyMessage, String theAsk, String rowOwner,
                           String rowChannel, String rowLanguage, String cadence, String anchorOn,
                           String feedbackLoop) {

    public static PlanRowEntry blank() {
        return new PlanRowEntry("", "", "", "", "", Channel.EMAIL.code(), "en", "P2W", "", "");
    }

    public static PlanRowEntry of(PlanRow row) {
        return new PlanRowEntry(row.group().code(), row.audience(), row.keyMessage(), row.theAsk(),
                row.ownerUsername(), row.channel().code(), row.language(), row.cadence().toString(),
                row.anchorOn() == null ? "" : row.anchorOn().toString(), row.feedbackLoop());
    }
}
