package app.tandem.campaign;

import java.time.LocalDateTime;

/**
 * One person's invitation to a co-design session: a staff member or a contact, each with their own signed
 * link. Times are the district's local times.
 */
public record Invitation(long id, long sessionId, String staffUsername, Long contactId, String name, String email,
                         String language, LocalDateTime expiresAt, RsvpAnswer answer, LocalDateTime answeredAt,
                         Long messageId) {
}
