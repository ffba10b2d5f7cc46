package app.tandem.family;

import java.time.Instant;

/**
 * A mail from a family and the answer it got. {@code caregiverId} (and the student and school) are null when
 * Tandem could not place the sender; {@code answeredReplyId} is the earlier reply whose answer this one answers.
 */
public record FamilyReply(long id, Long districtId, Long schoolId, Long caregiverId, Long studentId,
                          Long familyMessageId, Long answeredReplyId, String language, String fromAddress,
                          String fromName, String subject, String text, Instant receivedAt, String processInstanceId,
                          String answerText, String answeredBy, Instant answeredAt, Long answerOutboxId) {

    public boolean known() {
        return caregiverId != null;
    }
}
