package app.tandem.family;

import java.time.Instant;
import java.time.LocalDate;

/** A row of family_message: one message Tandem means to send one caregiver, and what became of it. */
public record FamilyMessage(long id, long schoolId, long termId, long caregiverId, FamilyMessageKind kind,
                            Long studentId, Long updateId, Integer cycleNo, String preferredLanguage, String language,
                            Channel channel, FamilyMessageStatus status, WithheldReason withheldReason,
                            Long outboxMessageId, Instant deliveredAt, LocalDate deliveredOn, String recordedBy) {
}
