package app.tandem.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Wall-clock seconds and the calling thread's CPU time of one piece of work. The CPU time stays meaningful when
 * other work shares the machine's cores, which the wall clock does not.
 */
record Timing(double seconds, double cpuMillis) {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static Timing of(Runnable work) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        work.run();
        return new Timing((System.nanoTime() - started) / 1e9, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6);
    }
}
