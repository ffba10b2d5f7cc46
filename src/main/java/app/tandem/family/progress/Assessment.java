package app.tandem.family.progress;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An assessment a student took, and where it places them against grade level (one of the draft form's standings). */
public record Assessment(String name, LocalDate takenOn, BigDecimal score, String placement) {
}
