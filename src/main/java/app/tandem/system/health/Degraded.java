package app.tandem.system.health;

import org.springframework.boot.actuate.health.Status;

/**
 * The health of a part that needs an operator while Tandem serves on: the mail relay is away and the outbox waits
 * it out. The overall health ranks it below DOWN and answers 200, so no node leaves the load balancer for it; the
 * {@code operations} group, which operators alert on, answers 503 (application.yaml).
 */
public final class Degraded {

    public static final Status STATUS = new Status("DEGRADED");

    private Degraded() {
    }
}
