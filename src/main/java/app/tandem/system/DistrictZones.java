package app.tandem.system;

import java.time.ZoneId;
import java.util.Optional;

/**
 * The districts' time zones, which the directory keeps and the clock reads (system may not name the directory).
 * The clock asks on every "today", so an implementation keeps what it read: for at most a minute, so another node
 * follows a change within one, and not at all past a change made on its own node.
 */
public interface DistrictZones {

    /** For an install without districts, and for tests of code that knows none. */
    DistrictZones NONE = new DistrictZones() {
        @Override
        public Optional<ZoneId> common() {
            return Optional.empty();
        }

        @Override
        public Optional<ZoneId> of(long districtId) {
            return Optional.empty();
        }

        @Override
        public Optional<Long> districtOfSchool(long schoolId) {
            return Optional.empty();
        }
    };

    /** The time zone every district is in; empty without districts or with districts in different zones. */
    Optional<ZoneId> common();

    /** The district's time zone; empty when there is no such district. */
    Optional<ZoneId> of(long districtId);

    /** The district a school belongs to; empty when there is no such school. */
    Optional<Long> districtOfSchool(long schoolId);
}
