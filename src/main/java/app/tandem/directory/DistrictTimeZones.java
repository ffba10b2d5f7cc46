package app.tandem.directory;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import app.tandem.system.DistrictZones;

/**
 * The districts' time zones for the clock, read from the district table and kept for a minute: a district saved on
 * this node is read again at once (and again after its transaction ends, so no reader keeps what was there before);
 * one saved on another node is followed within the minute.
 */
@Repository
class DistrictTimeZones implements DistrictZones {

    private static final long KEPT_NANOS = Duration.ofMinutes(1).toNanos();

    private record Known(Map<Long, ZoneId> byDistrict, Optional<ZoneId> common, long readAt) {
    }

    private final JdbcClient jdbc;
    private volatile Known known;

    DistrictTimeZones(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ZoneId> common() {
        return known().common();
    }

    @Override
    public Optional<ZoneId> of(long districtId) {
        ZoneId zone = known().byDistrict().get(districtId);
        if (zone == null) {
            // A district set up on another node within the minute.
            zone = read().byDistrict().get(districtId);
        }
        return Optional.ofNullable(zone);
    }

    @Override
    public Optional<Long> districtOfSchool(long schoolId) {
        return jdbc.sql("select district_id from school where id = ?").param(schoolId).query(Long.class).optional();
    }

    /** After a district was added or its zone changed. */
    void forget() {
        known = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    known = null;
                }
            });
        }
    }

    private Known known() {
        Known now = known;
        if (now == null || System.nanoTime() - now.readAt() > KEPT_NANOS) {
            now = read();
        }
        return now;
    }

    private Known read() {
        Map<Long, ZoneId> zones = new HashMap<>();
        jdbc.sql("select id, time_zone from district")
                .query(rs -> {
                    zones.put(rs.getLong(1), ZoneId.of(rs.getString(2)));
                });
        Set<ZoneId> distinct = new HashSet<>(zones.values());
        Known read = new Known(Map.copyOf(zones),
                distinct.size() == 1 ? Optional.of(distinct.iterator().next()) : Optional.empty(), System.nanoTime());
        known = read;
        return read;
    }
}
