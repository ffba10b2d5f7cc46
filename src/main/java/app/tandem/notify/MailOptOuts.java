package app.tandem.notify;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Addresses that asked for no more mail, until someone records a new consent. Addresses are kept in lower case. */
@Repository
public class MailOptOuts {

    /** An address's current opt-out: when and how. */
    public record OptOut(Instant at, OptOutSource source) {
    }

    private final JdbcClient jdbc;

    MailOptOuts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OptOut> current(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select opted_out_at, source from mail_opt_out where address = ? and consented_at is null "
                        + "order by id desc fetch first 1 rows only")
                .param(normal(address))
                .query((rs, n) -> new OptOut(rs.getTimestamp(1).toInstant(), OptOutSource.valueOf(rs.getString(2))))
                .optional();
    }

    /** @return false when the address had already opted out (the first time and source stay) */
    boolean optOut(String address, OptOutSource source, long outboxMessageId, Instant at) {
        if (current(address).isPresent()) {
            return false;
        }
        jdbc.sql("insert into mail_opt_out (address, opted_out_at, source, outbox_message_id) values (?, ?, ?, ?)")
                .params(normal(address), Timestamp.from(at), source.name(), outboxMessageId)
                .update();
        return true;
    }

    /** A new consent, recorded by a staff member: mail to the address may go out again. */
    public void consent(String address, String by, String note, Instant at) {
        jdbc.sql("update mail_opt_out set consented_at = ?, consented_by = ?, consent_note = ? "
                        + "where address = ? and consented_at is null")
                .params(Timestamp.from(at), by, note, normal(address))
                .update();
    }

    static String normal(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
