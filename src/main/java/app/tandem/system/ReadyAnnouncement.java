package app.tandem.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The last line of the start-up log: where to go, and with which accounts. */
@Component
class ReadyAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(ReadyAnnouncement.class);

    private final TandemProperties properties;
    private final boolean demo;

    ReadyAnnouncement(TandemProperties properties, @Value("${tandem.demo.enabled:false}") boolean demo) {
        this.properties = properties;
        this.demo = demo;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void announce() {
        String url = properties.publicUrl();
        String accounts = demo
                ? " Demo accounts, password 'demo': coordinator, teacher, liaison, leader, manager, admin."
                : "";
        log.info("Tandem is ready at {} . Camunda Cockpit, Tasklist and Admin: {}/camunda/ .{}", url, url, accounts);
    }
}
