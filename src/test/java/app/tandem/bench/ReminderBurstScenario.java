package app.tandem.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import app.tandem.notify.OutboxSender;
import app.tandem.notify.TaskReminders;

/**
 * Scenario 3: a burst of reminders due at once, delivered to a local SMTP server ({@link PlainSmtpServer}) running
 * in a JVM of its own ({@link SmtpSink}), as a mail server is never in Tandem's process in production.
 * <p>
 * Writing: Tandem's reminder service writes one reminder for each of the next {@code size} tasks its coordinators
 * hold, a thousand tasks at a time on two threads (as timers that fall due together), each batch one JDBC batch of
 * outbox rows. The rows are then held back (due later) while one or two nodes with their outbox senders on start
 * against the same database; the clock starts when the rows are made due all together and stops when the outbox
 * shows every reminder sent. The SMTP server's copies, counted by outbox id, tell whether any went out twice; the
 * rows' sent_by tells each node's share. CPU, per message: this JVM's CPU time over the drain (the nodes, an idle
 * main node and H2, which runs in Tandem's process; neither the SMTP server's nor PostgreSQL's, nor the harness's own
 * polling of the outbox, taken out by its thread's CPU time), each node's sending
 * threads' CPU per message it sent, and, on a line of its own, the SMTP server process's. Beside them, the bare
 * figures: as many messages of the same shape sent from one thread on one connection to the same out-of-process
 * server, once it has been warmed up, measured the same three ways.
 */
final class ReminderBurstScenario {

    private static final String SCENARIO = "3. Reminder burst";
    private static final String SENT = "select count(*) from outbox_message where id > ? and status = 'SENT'";
    private static final int WRITE_CHUNK = 1_000;
    private static final int BARE_WARMUP = 1_000;
    /** The old design's figures (a deliver-message instance and two jobs per message), for the report. */
    private static final String BEFORE_H2 = "before (one process instance per message): 141.2 s in docs/benchmarks.md, "
            + "75.8 s quiet (issue 20)";
    private static final String BEFORE_PG = "before (one process instance per message): one node 225.7 s, two nodes "
            + "253.8 s in docs/benchmarks.md; 227.8 s quiet and 42 s to write (issue 20)";

    private final ConfigurableApplicationContext app;
    private final String database;
    private final Function<List<String>, ConfigurableApplicationContext> startNode;
    private final JdbcTemplate jdbc;
    private final boolean analyze;
    private int remindedTasks;

    ReminderBurstScenario(ConfigurableApplicationContext app, String database,
                          Function<List<String>, ConfigurableApplicationContext> startNode) {
        this.app = app;
        this.database = database;
        this.startNode = startNode;
        this.jdbc = app.getBean(JdbcTemplate.class);
        this.analyze = "PostgreSQL".equals(database);
    }

    /** Tasks the scenario needs: two in five of the benchmark's tasks are a coordinator's, taken. */
    static int tasksNeeded(int size, int bursts) {
        return size * bursts * 5 / 2 + 10_000;
    }

    void run(int size, List<Integer> nodeCounts, int runs, BenchReport report) throws Exception {
        try (SmtpSinkProcess smtp = SmtpSinkProcess.start()) {
            report.note(database + ": the reminder burst's SMTP server (a plain sink that keeps only the outbox "
                    + "ids; GreenMail with -Dbench.smtp=greenmail) runs in a JVM of its own, as a mail server is "
                    + "never in Tandem's process: \"process CPU\" is the benchmark JVM's alone (the nodes, "
                    + "an idle main node and, on H2, the database, which runs in Tandem's process; not PostgreSQL's), "
                    + "the SMTP server's CPU is on its own line, and the bare sends go to the same server after a "
                    + "warm-up of " + BARE_WARMUP + " unmeasured sends.");
            // The SMTP server's JVM is fresh: warmed up first, or the bare figure would time its compiler at work
            // (a first run took 14 s for 2,000 sends where the burst after it found the server warm).
            bare(Math.min(size, BARE_WARMUP), smtp, "bare, warm-up");
            Bare bare = bare(size, smtp, "bare");
            report.add(new Result(SCENARIO, database, String.format(Locale.ROOT,
                    "bare: %,d SMTP sends from one thread, one connection, no Tandem (load %s)", size, load()), "s",
                    bare.seconds(), bare.seconds(), bare.seconds(), 1, null, null, "", null));
            report.add(new Result(SCENARIO, database, "bare: process CPU per message (SMTP server not in it)", "ms",
                    bare.cpuMs(), bare.cpuMs(), bare.cpuMs(), 1, null, null, "", null));
            report.add(new Result(SCENARIO, database, "bare: sending thread's CPU per message", "ms",
                    bare.threadCpuMs(), bare.threadCpuMs(), bare.threadCpuMs(), 1, null, null, "", null));
            report.add(new Result(SCENARIO, database, "bare: SMTP server process's CPU per message", "ms",
                    bare.sinkCpuMs(), bare.sinkCpuMs(), bare.sinkCpuMs(), 1, null, null, "", null));
            Map<Integer, List<Burst>> bursts = new LinkedHashMap<>();
            for (int run = 0; run < runs; run++) {
                for (int i = 0; i < nodeCounts.size(); i++) {
                    int nodes = nodeCounts.get(run % 2 == 0 ? i : nodeCounts.size() - 1 - i);
                    bursts.computeIfAbsent(nodes, n -> new ArrayList<>()).add(burst(size, nodes, smtp));
                }
            }
            // The targets are for 30,000 (writing < 15 s, delivering < 30 s); a smaller burst gets its share of them.
            double writeTarget = 15.0 * size / 30_000;
            double drainTarget = 30.0 * size / 30_000;
            Double oneNodeCpu = null;
            for (var entry : bursts.entrySet()) {
                int nodes = entry.getKey();
                List<Burst> all = entry.getValue();
                String who = nodes == 1 ? "one node" : nodes + " nodes";
                Sample writing = sample(all, Burst::writeSeconds);
                Sample drain = sample(all, Burst::seconds);
                Sample cpu = sample(all, Burst::cpuMsPerMessage);
                Sample nodeCpu = sample(all, Burst::senderCpuMsPerMessage);
                Sample sinkCpu = sample(all, Burst::sinkCpuMsPerMessage);
                String loads = String.join(", ", all.stream().map(Burst::load).toList());
                report.add(new Result(SCENARIO, database, String.format(Locale.ROOT,
                        "writing %,d reminders to the outbox, %s (load %s)", size, who, loads), "s", writing.median(),
                        writing.min(), writing.max(), all.size(), analyze ? "before: 42 s (issue 20)" : null, null,
                        String.format(Locale.ROOT, "< %.1f s", writeTarget), writing.median() < writeTarget));
                report.add(new Result(SCENARIO, database, String.format(Locale.ROOT,
                        "%,d reminders due at once, time to deliver all, %s (load %s)", size, who, loads), "s",
                        drain.median(), drain.min(), drain.max(), all.size(),
                        String.format(Locale.ROOT, "bare %.1f s; %s", bare.seconds(), analyze ? BEFORE_PG : BEFORE_H2),
                        drain.median() / bare.seconds(), String.format(Locale.ROOT, "< %.1f s", drainTarget),
                        drain.median() < drainTarget));
                report.add(new Result(SCENARIO, database, "process CPU per delivered message (SMTP server and "
                        + "the harness's polling not in it), " + who, "ms",
                        cpu.median(), cpu.min(), cpu.max(), all.size(),
                        String.format(Locale.ROOT, "bare %.2f ms", bare.cpuMs()), cpu.median() / bare.cpuMs(),
                        nodes == 1 ? "≤ 1 ms" : "", nodes == 1 ? cpu.median() <= 1 : null));
                double senderBaseline = oneNodeCpu == null ? bare.threadCpuMs() : oneNodeCpu;
                report.add(new Result(SCENARIO, database, "sending threads' CPU per message each node sent, " + who,
                        "ms", nodeCpu.median(), nodeCpu.min(), nodeCpu.max(), all.size(),
                        String.format(Locale.ROOT, oneNodeCpu == null ? "bare thread %.2f ms" : "one node %.2f ms",
                                senderBaseline), nodeCpu.median() / senderBaseline,
                        oneNodeCpu == null ? "" : "≤ one node's", oneNodeCpu == null ? null
                        : nodeCpu.median() <= oneNodeCpu * 1.1));
                report.add(new Result(SCENARIO, database, "SMTP server process's CPU per delivered message, " + who,
                        "ms", sinkCpu.median(), sinkCpu.min(), sinkCpu.max(), all.size(),
                        String.format(Locale.ROOT, "bare %.2f ms", bare.sinkCpuMs()),
                        sinkCpu.median() / bare.sinkCpuMs(), "", null));
                if (nodes == 1) {
                    oneNodeCpu = nodeCpu.median();
                } else {
                    Sample share = sample(all, Burst::smallestShare);
                    report.add(new Result(SCENARIO, database, "smallest node's share of the burst, " + who, "%",
                            share.median(), share.min(), share.max(), all.size(), null, null, "35 – 65 %",
                            share.median() >= 35 && share.median() <= 65));
                    report.note(database + ": this machine has 2 cores, so " + nodes + " nodes in one JVM cannot "
                            + "deliver faster than one here; each node's share and its CPU per message are what "
                            + "predict the speed-up on machines with a core per node.");
                }
                int twice = all.stream().mapToInt(Burst::duplicates).sum();
                report.add(new Result(SCENARIO, database, "reminders mailed twice, " + who, "", twice, twice, twice,
                        all.size(), null, null, "0", twice == 0));
            }
        }
    }

    private record Burst(int messages, double writeSeconds, double seconds, double cpuMsPerMessage,
                         double senderCpuMsPerMessage, double sinkCpuMsPerMessage, double smallestShare,
                         int duplicates, String load) {
    }

    private record Bare(double seconds, double cpuMs, double threadCpuMs, double sinkCpuMs) {
    }

    private static Sample sample(List<Burst> bursts, java.util.function.ToDoubleFunction<Burst> figure) {
        Sample sample = new Sample();
        bursts.forEach(burst -> sample.add(figure.applyAsDouble(burst)));
        return sample;
    }

    private Burst burst(int size, int nodes, SmtpSinkProcess smtp) throws Exception {
        long before = jdbc.queryForObject("select coalesce(max(id), 0) from outbox_message", Long.class);
        if (analyze) {
            // This machine's PostgreSQL runs without autovacuum: without fresh statistics the outbox
            // looks empty to the planner, and each look-up by id or key becomes a scan of the table.
            jdbc.execute("analyze");
        }
        List<Task> due = nextTasks(size);
        long written0 = System.nanoTime();
        writeReminders(due);
        double writeSeconds = (System.nanoTime() - written0) / 1e9;
        // Held back until every node is up, so the clock times the drain alone.
        jdbc.update("update outbox_message set next_attempt_at = ? where id > ? and status = 'QUEUED'",
                Timestamp.from(Instant.now().plusSeconds(86_400)), before);
        if (analyze) {
            jdbc.execute("analyze");
        }
        int messages = jdbc.queryForObject("select count(*) from outbox_message where id > ?", Integer.class, before);
        System.out.printf(Locale.ROOT, "  %,d reminders written in %.1f s%n", messages, writeSeconds);
        List<ConfigurableApplicationContext> started = new ArrayList<>();
        try {
            for (int i = 0; i < nodes; i++) {
                started.add(startNode.apply(List.of("--camunda.bpm.job-execution.enabled=true",
                        "--tandem.mail.embedded.enabled=false", "--tandem.mail.host=127.0.0.1",
                        "--tandem.mail.port=" + smtp.port())));
            }
            List<String> prefixes = started.stream().map(node -> node.getBean(OutboxSender.class).threadNamePrefix())
                    .toList();
            Map<String, Long> threadCpu0 = threadCpu(prefixes);
            String load = load();
            long cpu0 = processCpuNanos();
            // The harness's own polling (a count over the burst's rows, which on H2 runs on this thread) is not
            // Tandem's work: its CPU is taken out of the process's.
            long watching0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long sinkCpu0 = smtp.cpuNanos();
            long t0 = System.nanoTime();
            jdbc.update("update outbox_message set next_attempt_at = ? where id > ? and status = 'QUEUED'",
                    Timestamp.from(Instant.now()), before);
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
            long watching = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - watching0;
            double cpuMs = (processCpuNanos() - cpu0 - watching) / 1e6 / messages;
            double sinkCpuMs = (smtp.cpuNanos() - sinkCpu0) / 1e6 / messages;
            Map<String, Long> threadCpu = threadCpu(prefixes);
            Map<String, Integer> byNode = new LinkedHashMap<>();
            jdbc.query("select sent_by, count(*) from outbox_message where id > ? group by sent_by",
                    rs -> {
                        byNode.put(rs.getString(1), rs.getInt(2));
                    }, before);
            double senderCpu = 0;
            double smallestShare = 100;
            List<String> shares = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                String node = started.get(i).getBean(OutboxSender.class).node();
                int theirs = byNode.getOrDefault(node, 0);
                double cpu = (threadCpu.get(prefixes.get(i)) - threadCpu0.get(prefixes.get(i))) / 1e6;
                senderCpu = Math.max(senderCpu, theirs == 0 ? 0 : cpu / theirs);
                smallestShare = Math.min(smallestShare, 100.0 * theirs / messages);
                shares.add(String.format(Locale.ROOT, "node %d sent %,d (%.1f %%), %.2f ms CPU each", i + 1, theirs,
                        100.0 * theirs / messages, theirs == 0 ? 0 : cpu / theirs));
            }
            SmtpSinkProcess.Received received = smtp.received(before);
            System.out.printf(Locale.ROOT, "  burst on %d node(s): %,d reminders delivered in %.1f s, %.2f ms CPU "
                    + "each (SMTP server's %.2f ms), %,d copies received, %d twice; %s; load %s%n", nodes, messages,
                    seconds, cpuMs, sinkCpuMs, received.copies(), received.twice(), shares, load);
            return new Burst(messages, writeSeconds, seconds, cpuMs, senderCpu, sinkCpuMs, smallestShare,
                    received.twice(), load);
        } finally {
            started.forEach(ConfigurableApplicationContext::close);
            smtp.purge();
        }
    }

    /** The next {@code size} tasks that coordinators hold. */
    private List<Task> nextTasks(int size) {
        TaskService tasks = app.getBean(TaskService.class);
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
        return due;
    }

    /** Their reminders, a thousand tasks at a time on two threads. */
    private void writeReminders(List<Task> due) throws Exception {
        TaskReminders reminders = app.getBean(TaskReminders.class);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int from = 0; from < due.size(); from += WRITE_CHUNK) {
                List<Task> chunk = due.subList(from, Math.min(due.size(), from + WRITE_CHUNK));
                work.add(threads.submit(() -> reminders.remindAll(chunk)));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            threads.shutdown();
        }
    }

    /** As many messages of a reminder's shape (text and HTML), sent from one thread on one connection. */
    private static Bare bare(int size, SmtpSinkProcess smtp, String label) throws Exception {
        Properties properties = new Properties();
        Session session = Session.getInstance(properties);
        JavaMailSenderImpl factory = new JavaMailSenderImpl();
        factory.setSession(session);
        String text = "Reminder: Draft the progress update at Bench School 17 is due on 2027-03-03.\n".repeat(8);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = processCpuNanos();
        long threadCpu0 = threads.getCurrentThreadCpuTime();
        long sinkCpu0 = smtp.cpuNanos();
        long t0 = System.nanoTime();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("127.0.0.1", smtp.port(), null, null);
            for (int i = 0; i < size; i++) {
                MimeMessage mime = factory.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
                helper.setFrom("tandem@localhost");
                helper.setTo("bare-" + (i % 360) + "@bench.example");
                helper.setSubject("Reminder: Draft the progress update");
                helper.setText(text, "<p>" + text + "</p>");
                mime.setHeader("X-Bench-Bare", String.valueOf(i));
                mime.saveChanges();
                transport.sendMessage(mime, mime.getAllRecipients());
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuMs = (processCpuNanos() - cpu0) / 1e6 / size;
        double threadCpuMs = (threads.getCurrentThreadCpuTime() - threadCpu0) / 1e6 / size;
        double sinkCpuMs = (smtp.cpuNanos() - sinkCpu0) / 1e6 / size;
        smtp.purge();
        System.out.printf(Locale.ROOT, "  %s: %,d sends in %.1f s, %.2f ms CPU each (the thread's %.2f ms, the SMTP "
                + "server's %.2f ms); load %s%n", label, size, seconds, cpuMs, threadCpuMs, sinkCpuMs, load());
        return new Bare(seconds, cpuMs, threadCpuMs, sinkCpuMs);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time so far of each node's sending threads, by their name prefix. */
    private static Map<String, Long> threadCpu(List<String> prefixes) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new LinkedHashMap<>();
        prefixes.forEach(prefix -> cpu.put(prefix, 0L));
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            for (String prefix : prefixes) {
                if (info.getThreadName().startsWith(prefix)) {
                    cpu.merge(prefix, Math.max(0, threads.getThreadCpuTime(info.getThreadId())), Long::sum);
                }
            }
        }
        return cpu;
    }

    /** The machine's load average over 1, 5 and 15 minutes (other work shares its 2 cores). */
    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
