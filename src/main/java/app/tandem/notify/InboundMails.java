package app.tandem.notify;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The Message-IDs of mail read from the replies mailbox: the claim that makes one node handle each mail. */
@Repository
class InboundMails {

    enum Outcome { REPLY, UNSUBSCRIBE }

    private final JdbcClient jdbc;

    InboundMails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Throws DuplicateKeyException when another node (or an earlier read) has it. */
    void claim(String messageId, Instant at, Long outboxMessageId, Outcome outcome) {
        jdbc.sql("insert into inbound_mail (message_id, received_at, outbox_message_id, outcome) values (?, ?, ?, ?)")
                .params(messageId, Timestamp.from(at), outboxMessageId, outcome.name())
                .update();
    }

    boolean known(String messageId) {
        return jdbc.sql("select count(*) from inbound_mail where message_id = ?").param(messageId)
                .query(Integer.class).single() > 0;
    }
}
