package app.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Whose midnights the clock keeps: the districts' zone when they share one, Tandem's own otherwise. */
class DistrictClockTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
    /** Still the 10th in Chicago, already the 11th in Auckland. */
    private static final Instant EVENING_IN_CHICAGO = Instant.parse("2027-01-10T20:00:00Z");

    private final Districts districts = new Districts();
    private final DistrictClock clock = new DistrictClock(new TandemProperties("http://localhost", CHICAGO), districts);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldKeepTandemsOwnZoneUntilADistrictIsSetUp() {
        clock.moveTo(EVENING_IN_CHICAGO);

        assertThat(clock.zone()).isEqualTo(CHICAGO);
        assertThat(clock.today()).isEqualTo(LocalDate.of(2027, 1, 10));
    }

    @Test
    void shouldFollowTheZoneTheOneDistrictChose() {
        districts.zones.put(1L, AUCKLAND);
        clock.moveTo(EVENING_IN_CHICAGO);

        assertThat(clock.zone()).isEqualTo(AUCKLAND);
        assertThat(clock.today()).isEqualTo(LocalDate.of(2027, 1, 11));
        assertThat(clock.endOf(LocalDate.of(2027, 1, 11)).toInstant()).isEqualTo(Instant.parse("2027-01-11T10:59:00Z"));
        assertThat(clock.configuredZone()).isEqualTo(CHICAGO);
    }

    @Test
    void shouldKeepTandemsZoneForDistrictsInDifferentZonesUnlessTheDistrictIsNamed() {
        districts.zones.put(1L, AUCKLAND);
        districts.zones.put(2L, ZoneId.of("America/Denver"));
        districts.schools.put(10L, 1L);
        clock.moveTo(EVENING_IN_CHICAGO);

        assertThat(clock.today()).isEqualTo(LocalDate.of(2027, 1, 10));
        assertThat(clock.forDistrict(1L).today()).isEqualTo(LocalDate.of(2027, 1, 11));
        assertThat(clock.forSchool(10L).zone()).isEqualTo(AUCKLAND);
        assertThat(clock.zoneOf(2L)).isEqualTo(ZoneId.of("America/Denver"));
        assertThat(clock.zoneOf(null)).isEqualTo(CHICAGO);
        assertThat(clock.forDistrict(99L).zone()).as("an unknown district").isEqualTo(CHICAGO);
    }

    @Test
    void shouldLookUpNoSchoolWhileEveryDistrictSharesOneZone() {
        districts.zones.put(1L, AUCKLAND);
        districts.zones.put(2L, AUCKLAND);

        assertThat(clock.forSchool(10L).zone()).isEqualTo(AUCKLAND);
        assertThat(districts.schoolsLookedUp).isZero();
    }

    /** The directory's districts, as a map the test fills. */
    private static final class Districts implements DistrictZones {

        final Map<Long, ZoneId> zones = new HashMap<>();
        final Map<Long, Long> schools = new HashMap<>();
        int schoolsLookedUp;

        @Override
        public Optional<ZoneId> common() {
            Set<ZoneId> distinct = new HashSet<>(zones.values());
            return distinct.size() == 1 ? Optional.of(distinct.iterator().next()) : Optional.empty();
        }

        @Override
        public Optional<ZoneId> of(long districtId) {
            return Optional.ofNullable(zones.get(districtId));
        }

        @Override
        public Optional<Long> districtOfSchool(long schoolId) {
            schoolsLookedUp++;
            return Optional.ofNullable(schools.get(schoolId));
        }
    }
}
