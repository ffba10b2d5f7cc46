package app.tandem.security;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Failed sign-ins and the waits they impose, in the database so every node of a cluster agrees. A row counts
 * one key: an account from one address ({@code name_hash} and {@code address}), an account from anywhere
 * ({@code address} empty) or an address ({@code name_hash} empty). Waits end by themselves; nothing here locks
 * an account for good.
 */
@Repository
class SignInThrottle {

    private static final String ANY = "";

    private final JdbcClient jdbc;
    private final SignInThrottleSettings settings;

    SignInThrottle(JdbcClient jdbc, SignInThrottleSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** When this attempt may be made, if not now. */
    Optional<Instant> waitUntil(SignInAttempt attempt, Instant now) {
        return jdbc.sql("select max(throttled_until) from sign_in_throttle "
                        + "where ((name_hash = :name and address in (:address, '')) or (name_hash = '' and address = :address)) "
                        + "and throttled_until > :now")
                .param("name", attempt.nameHash())
                .param("address", attempt.address())
                .param("now", Timestamp.from(now))
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    /**
     * Counts a failed attempt under its three keys.
     *
     * @param account the username when it names an account, else null
     * @return when the next attempt may be made, if not at once
     */
    Optional<Instant> failed(SignInAttempt attempt, String account, Instant now) {
        jdbc.sql("delete from sign_in_throttle where last_failure_at < ?")
                .param(Timestamp.from(now.minus(settings.forgetAfter())))
                .update();
        return Stream.of(
                        count(attempt.nameHash(), attempt.address(), account, settings.freeFailuresPerAccountAndAddress(), now),
                        count(attempt.nameHash(), ANY, account, settings.freeFailuresPerAccount(), now),
                        count(ANY, attempt.address(), null, settings.freeFailuresPerAddress(), now))
                .flatMap(Optional::stream)
                .max(Instant::compareTo);
    }

    /** After a good password: the account's count and its count from this address start again. */
    void succeeded(SignInAttempt attempt) {
        jdbc.sql("delete from sign_in_throttle where name_hash = ? and address in (?, '')")
                .params(attempt.nameHash(), attempt.address())
                .update();
    }

    /** Lifts every wait on the account and forgets its failures; the addresses' own counts stay. */
    void lift(String account) {
        jdbc.sql("delete from sign_in_throttle where account = ?").param(account).update();
    }

    /**
     * Accounts with failed sign-ins since the given moment, the latest first.
     *
     * @param districtId only accounts of this district's staff; null for every account
     */
    List<FailedSignIns> recent(Long districtId, Instant since) {
        String sql = "select t.account, max(case when t.address = '' then t.failures else 0 end) as failures, "
                + "count(distinct case when t.address <> '' then t.address end) as addresses, "
                + "max(t.last_failure_at) as last_failure_at, max(t.throttled_until) as throttled_until "
                + "from sign_in_throttle t "
                + (districtId == null ? "" : "join staff_member s on s.username = t.account and s.district_id = :district ")
                + "where t.account is not null and t.last_failure_at >= :since "
                + "group by t.account order by max(t.last_failure_at) desc, t.account";
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("since", Timestamp.from(since));
        if (districtId != null) {
            statement = statement.param("district", districtId);
        }
        return statement.query((rs, n) -> new FailedSignIns(rs.getString("account"), rs.getInt("failures"),
                        rs.getInt("addresses"), rs.getTimestamp("last_failure_at").toInstant(),
                        Optional.ofNullable(rs.getTimestamp("throttled_until")).map(Timestamp::toInstant).orElse(null)))
                .list();
    }

    private Optional<Instant> count(String nameHash, String address, String account, int free, Instant now) {
        int failures = increment(nameHash, address, account, now);
        Duration delay = settings.delayAfter(failures, free);
        if (delay.isZero()) {
            return Optional.empty();
        }
        Instant until = now.plus(delay);
        // Only while the count is still ours: a concurrent failure sets its own, later wait.
        jdbc.sql("update sign_in_throttle set throttled_until = ? where name_hash = ? and address = ? and failures = ?")
                .params(Timestamp.from(until), nameHash, address, failures)
                .update();
        return Optional.of(until);
    }

    private int increment(String nameHash, String address, String account, Instant now) {
        if (bump(nameHash, address, account, now) == 0) {
            try {
                jdbc.sql("insert into sign_in_throttle (name_hash, address, account, failures, last_failure_at) "
                                + "values (?, ?, ?, 1, ?)")
                        .params(nameHash, address, account, Timestamp.from(now))
                        .update();
            } catch (DuplicateKeyException insertedByAnotherNode) {
                bump(nameHash, address, account, now);
            }
        }
        return jdbc.sql("select failures from sign_in_throttle where name_hash = ? and address = ?")
                .params(nameHash, address)
                .query(Integer.class)
                .single();
    }

    private int bump(String nameHash, String address, String account, Instant now) {
        Timestamp forgotten = Timestamp.from(now.minus(settings.forgetAfter()));
        return jdbc.sql("update sign_in_throttle set "
                        + "failures = case when last_failure_at < ? then 1 else failures + 1 end, "
                        + "throttled_until = case when last_failure_at < ? then null else throttled_until end, "
                        + "last_failure_at = ?, account = ? where name_hash = ? and address = ?")
                .params(forgotten, forgotten, Timestamp.from(now), account, nameHash, address)
                .update();
    }
}
