package app.tandem.campaign;

import java.time.LocalDate;

/** What a stakeholder said at a touchpoint, who owes them an answer by when, and the answer that went back. */
public record Feedback(long id, long campaignId, Long touchpointId, long contactId, String said, LocalDate heardOn,
                       String ownerUsername, LocalDate dueOn, String answer, LocalDate answeredOn, String answeredBy,
                       Long answerMessageId, String processInstanceId) {

    public boolean answered() {
        return answeredOn != null;
    }

    public boolean answeredLate() {
        return answeredOn != null && answeredOn.isAfter(dueOn);
    }
}
