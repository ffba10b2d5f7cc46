package app.tandem.family;

import java.util.Set;

/**
 * Students were added to (or moved into) these schools, or got new caregivers. Published inside the
 * transaction that wrote them; late introductions start once it has committed.
 */
public record StudentsEnrolled(Set<Long> schoolIds) {
}
