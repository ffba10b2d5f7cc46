package app.tandem.notify;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import app.tandem.system.DistrictClock;

/**
 * Sends the outbox on every node: a few threads of its own (tandem.mail.sender.threads), each claiming a batch of
 * due rows (see {@link OutboxMessages#claim}) and handing them to {@link MessageDispatch} one by one. A claim names
 * this node and lasts as long as a job executor's lock (camunda.bpm.job-execution.lock-time-in-millis), renewed
 * while the batch is worked on, so rows of a node that dies go to another node after that. Runs where the job
 * executor runs: tests and tools with it off send by hand ({@link #sendDueNow}, {@link #sendIfDue}).
 */
@Component
public class OutboxSender implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final AtomicLong SENDERS = new AtomicLong();

    private final OutboxMessages messages;
    private final MessageDispatch dispatch;
    private final DistrictClock clock;
    private final SenderSettings settings;
    private final boolean enabled;
    private final Duration lease;
    /** This node: its process and host, and which sender of the process (one, but for a benchmark's nodes). */
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + SENDERS.incrementAndGet();
    private final AtomicLong claims = new AtomicLong();
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private ExecutorService threads;

    OutboxSender(OutboxMessages messages, MessageDispatch dispatch, DistrictClock clock, SenderSettings settings,
                 @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled,
                 @Value("${camunda.bpm.job-execution.lock-time-in-millis:300000}") long leaseMillis) {
        this.messages = messages;
        this.dispatch = dispatch;
        this.clock = clock;
        this.settings = settings;
        this.enabled = enabled;
        this.lease = Duration.ofMillis(leaseMillis);
    }

    /** Sends every row due now on the calling thread, as the sender's threads would; @return rows handled */
    public int sendDueNow() {
        int handled = 0;
        int claimed;
        do {
            claimed = sendBatch();
            handled += claimed;
        } while (claimed > 0);
        return handled;
    }

    /** Sends this one row on the calling thread if it is due and no one holds it. */
    MessageDispatch.Outcome sendIfDue(long id) {
        String claim = newClaim();
        Instant now = clock.now();
        List<OutboxMessage> claimed = messages.claimOne(id, claim, now, now.plus(lease));
        return claimed.isEmpty() ? null : dispatch.dispatch(claimed.get(0), claim, node);
    }

    /** New rows on this node: a waiting thread looks at once. */
    void wake() {
        if (running && wake.availablePermits() < settings.threads()) {
            wake.release();
        }
    }

    private int sendBatch() {
        String claim = newClaim();
        Instant now = clock.now();
        List<OutboxMessage> batch = messages.claim(claim, now, now.plus(lease), settings.batch());
        Instant renewAt = now.plus(lease.dividedBy(2));
        List<Long> held = null;
        List<OutboxMessage> sent = new ArrayList<>();
        try {
            for (OutboxMessage message : batch) {
                if (clock.now().isAfter(renewAt)) {
                    held = messages.renew(claim, clock.now().plus(lease));
                    renewAt = clock.now().plus(lease.dividedBy(2));
                }
                if (held != null && !held.contains(message.id())) {
                    continue;
                }
                if (dispatch.send(message, claim, node) == MessageDispatch.Outcome.SENT) {
                    sent.add(message);
                }
            }
        } finally {
            dispatch.recordAll(sent);
            if (!batch.isEmpty()) {
                messages.release(claim);
            }
        }
        return batch.size();
    }

    private String newClaim() {
        return node + "#" + claims.incrementAndGet();
    }

    private void loop() {
        while (running) {
            try {
                if (sendBatch() > 0) {
                    continue;
                }
                if (messages.anyClaimable(clock.now())) {
                    // Another thread took the rows this one aimed at (H2 has no SKIP LOCKED): the next ones, soon.
                    Thread.sleep(ThreadLocalRandom.current().nextInt(1, 20));
                } else if (wake.tryAcquire(settings.idleWait().toMillis(), TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database away or a lock wait given up on: the rows wait for the next round (or their lease).
                LOG.warn("The outbox sender could not take or send a batch; trying again shortly", e);
                sleepQuietly();
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(settings.idleWait().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The name of this node, as sent rows keep it. */
    public String node() {
        return node;
    }

    /** How this node's sending threads are named (a benchmark reads their CPU time). */
    public String threadNamePrefix() {
        return "outbox-sender-" + node + "-";
    }

    @Override
    public void start() {
        if (!enabled || running) {
            return;
        }
        running = true;
        threads = Executors.newFixedThreadPool(Math.max(1, settings.threads()), runnable -> {
            Thread thread = new Thread(runnable, threadNamePrefix() + claims.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < Math.max(1, settings.threads()); i++) {
            threads.submit(this::loop);
        }
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        wake.release(Math.max(1, settings.threads()));
        threads.shutdown();
        try {
            if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the engine and the mail server start; stops before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
