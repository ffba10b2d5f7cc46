package app.tandem.campaign;

import java.time.LocalDate;

/** The outreach of one approved plan row: its owner's touchpoints on the row's cadence until the campaign ends. */
public record Track(long id, long campaignId, long planRowId, String ownerUsername, LocalDate openedOn, int firstStep,
                    String processInstanceId, LocalDate closedOn) {
}
