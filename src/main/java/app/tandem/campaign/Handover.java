package app.tandem.campaign;

import java.time.LocalDateTime;

/** A leadership change: one person's open campaign work went to another, and why. */
public record Handover(long id, long campaignId, String fromUsername, String toUsername, String reason, int tracksMoved,
                       int tasksMoved, int contactsMoved, String handedOverBy, LocalDateTime handedOverAt) {
}
