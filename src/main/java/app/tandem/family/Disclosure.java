package app.tandem.family;

import java.time.Instant;

/**
 * One line of the disclosure log: what was told to whom about which student, when and how. A program message
 * has its {@code familyMessageId}, an answer to the family's mail its {@code familyReplyId}.
 */
public record Disclosure(long id, long studentId, String studentName, long caregiverId, String caregiverName,
                         FamilyMessageKind kind, Integer cycleNo, Channel channel, String language,
                         Instant disclosedAt, Long familyMessageId, Long familyReplyId, String recordedBy,
                         long schoolId) {
}
