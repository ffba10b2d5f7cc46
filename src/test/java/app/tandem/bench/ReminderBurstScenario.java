package app.tandem.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import app.tandem.notify.DeliverMessage;
import app.tandem.notify.TaskReminders;
import app.tandem.testsupport.LocalServers;

/**
 * Scenario 3: a burst of reminders due at once, delivered to a local SMTP server (GreenMail).
 * <p>
 * Before each burst, with the send jobs held (their job definitions suspended), Tandem's reminder
 * service writes one reminder for each of the next {@code size} tasks its coordinators hold: an
 * outbox row and a deliver-message instance each, as a reminder timer would. Then one or two nodes
 * with the job executor on start against the same database, and the clock starts when the send jobs
 * are released all together. It stops when the outbox shows every reminder sent; the SMTP server's
 * copies, counted by outbox id, tell whether any went out twice.
 */
final class ReminderBurstScenario {

    private static final String SENT = "select count(*) from outbox_message where id > ? and status = 'SENT'";

    private final ConfigurableApplicationContext app;
    private final String database;
    private final Function<List<String>, ConfigurableApplicationContext> startNode;
    private final JdbcTemplate jdbc;
    private final ManagementService management;
    private final boolean analyze;
    private int remindedTasks;

    ReminderBurstScenario(ConfigurableApplicationContext app, String database,
                          Function<List<String>, ConfigurableApplicationContext> startNode) {
        this.app = app;
        this.database = database;
        this.startNode = startNode;
        this.jdbc = app.getBean(JdbcTemplate.class);
        this.management = app.getBean(ManagementService.class);
        this.analyze = "PostgreSQL".equals(database);
    }

    void run(int size, List<Integer> nodeCounts, int runs, BenchReport report) throws Exception {
        GreenMail smtp = LocalServers.smtp();
        try {
            java.util.Map<Integer, Sample> rates = new java.util.TreeMap<>();
            java.util.Map<Integer, Sample> drains = new java.util.TreeMap<>();
            java.util.Map<Integer, Integer> duplicates = new java.util.TreeMap<>();
            for (int run = 0; run < runs; run++) {
                for (int i = 0; i < nodeCounts.size(); i++) {
                    // Alternate the order between runs, so neither setting always goes first.
                    int nodes = nodeCounts.get(run % 2 == 0 ? i : nodeCounts.size() - 1 - i);
                    Burst burst = burst(size, nodes, smtp);
                    drains.computeIfAbsent(nodes, n -> new Sample()).add(burst.seconds());
                    rates.computeIfAbsent(nodes, n -> new Sample()).add(burst.messages() / burst.seconds());
                    duplicates.merge(nodes, burst.duplicates(), Integer::sum);
                }
            }
            for (var entry : drains.entrySet()) {
                int nodes = entry.getKey();
                Sample drain = entry.getValue();
                String who = nodes == 1 ? "one node" : nodes + " nodes";
                report.add(new Result("3. Reminder burst", database, String.format(Locale.ROOT,
                        "%,d reminders due at once, time to deliver all, %s", size, who), "s", drain.median(),
                        drain.min(), drain.max(), drain.values().size(), null, null,
                        nodes == 1 ? "< 60 s" : "", nodes == 1 ? drain.median() < 60 : null));
                int twice = duplicates.get(nodes);
                report.add(new Result("3. Reminder burst", database, "reminders mailed twice, " + who, "",
                        twice, twice, twice, drain.values().size(), null, null, "0", twice == 0));
            }
            if (rates.size() > 1) {
                Sample one = rates.get(1);
                for (var entry : rates.entrySet()) {
                    if (entry.getKey() == 1) {
                        continue;
                    }
                    double ratio = entry.getValue().median() / one.median();
                    report.add(new Result("3. Reminder burst", database, entry.getKey()
                            + " nodes against one, reminders delivered per second", "/s", entry.getValue().median(),
                            entry.getValue().min(), entry.getValue().max(), entry.getValue().values().size(),
                            "one node " + Math.round(one.median()) + "/s", ratio, "ratio ≥ 1.6", ratio >= 1.6));
                }
            }
        } finally {
            smtp.stop();
        }
    }

    private record Burst(int messages, double seconds, int duplicates) {
    }

    private Burst burst(int size, int nodes, GreenMail smtp) throws Exception {
        management.suspendJobDefinitionByProcessDefinitionKey(DeliverMessage.PROCESS_KEY, true);
        long before = jdbc.queryForObject("select coalesce(max(id), 0) from outbox_message", Long.class);
        if (analyze) {
            // This machine's PostgreSQL runs without autovacuum: without fresh statistics the outbox
            // looks empty to the planner, and each look-up by id or key becomes a scan of the table.
            jdbc.execute("analyze");
        }
        int written = writeReminders(size);
        if (analyze) {
            jdbc.execute("analyze");
        }
        int messages = jdbc.queryForObject("select count(*) from outbox_message where id > ?", Integer.class, before);
        List<ConfigurableApplicationContext> started = new ArrayList<>();
        try {
            for (int i = 0; i < nodes; i++) {
                started.add(startNode.apply(List.of("--camunda.bpm.job-execution.enabled=true",
                        "--tandem.mail.embedded.enabled=false", "--tandem.mail.host=127.0.0.1",
                        "--tandem.mail.port=" + smtp.getSmtp().getPort())));
            }
            long t0 = System.nanoTime();
            management.activateJobDefinitionByProcessDefinitionKey(DeliverMessage.PROCESS_KEY, true);
            int sent = 0;
            long lastPrint = t0;
            long deadline = t0 + 30L * 60 * 1_000_000_000L;
            while (sent < messages) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(sent + " of " + messages + " reminders sent after 30 minutes");
                }
                Thread.sleep(100);
                sent = jdbc.queryForObject(SENT, Integer.class, before);
                if (System.nanoTime() - lastPrint > 5_000_000_000L) {
                    lastPrint = System.nanoTime();
                    System.out.printf(Locale.ROOT, "  burst on %d node(s): %,d of %,d sent after %.0f s%n", nodes,
                            sent, messages, (lastPrint - t0) / 1e9);
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            // The deliveries' bookkeeping (the job after each send) finishes before the nodes stop.
            while (management.createJobQuery().processDefinitionKey(DeliverMessage.PROCESS_KEY).active().count() > 0) {
                Thread.sleep(200);
            }
            int duplicates = duplicates(smtp, before);
            System.out.printf(Locale.ROOT, "  burst on %d node(s): %,d reminders (%,d tasks) delivered in %.1f s, "
                    + "%d twice%n", nodes, messages, written, seconds, duplicates);
            return new Burst(messages, seconds, duplicates);
        } finally {
            started.forEach(ConfigurableApplicationContext::close);
            smtp.purgeEmailFromAllMailboxes();
        }
    }

    /** Reminders for the next {@code size} tasks that coordinators hold, on two threads. */
    private int writeReminders(int size) throws Exception {
        TaskService tasks = app.getBean(TaskService.class);
        TaskReminders reminders = app.getBean(TaskReminders.class);
        List<Task> due = new ArrayList<>(size);
        while (due.size() < size) {
            List<Task> page = tasks.createTaskQuery().taskAssigneeLike(PageScenario.COORDINATOR_PREFIX + "%")
                    .orderByTaskId().asc().listPage(remindedTasks, Math.min(1_000, size - due.size()));
            if (page.isEmpty()) {
                throw new IllegalStateException("only " + due.size() + " coordinators' tasks left to remind about");
            }
            remindedTasks += page.size();
            due.addAll(page);
        }
        AtomicInteger done = new AtomicInteger();
        long t0 = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int offset = t;
                work.add(threads.submit(() -> {
                    for (int i = offset; i < due.size(); i += 2) {
                        reminders.remind(due.get(i));
                        int n = done.incrementAndGet();
                        if (analyze && n % 5_000 == 0) {
                            // Statistics as the outbox grows, as autovacuum would keep them.
                            jdbc.execute("analyze outbox_message");
                        }
                        if (n % 10_000 == 0) {
                            System.out.printf(Locale.ROOT, "  %,d reminders written in %.0f s%n", n,
                                    (System.nanoTime() - t0) / 1e9);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            threads.shutdown();
        }
        return due.size();
    }

    private static int duplicates(GreenMail smtp, long before) throws MessagingException {
        Set<String> seen = new HashSet<>();
        int twice = 0;
        for (MimeMessage message : smtp.getReceivedMessages()) {
            String id = message.getHeader("X-Tandem-Outbox-Id", null);
            if (id != null && Long.parseLong(id) > before && !seen.add(id)) {
                twice++;
            }
        }
        return twice;
    }

}
