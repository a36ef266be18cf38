package dev.syncledger.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * How busy this JVM's JIT compilers are. On two cores, with a broker, the processor, the sink and PostgreSQL on the
 * same machine, C2 kept half a core busy for the first two to three minutes of the end-to-end stage: a window
 * measured then measures the JVM's warm-up, not the pipeline a long-running service is. The stage warms up until
 * the compilers have settled, as a JMH warm-up would.
 */
final class JitActivity {

    /** Settled: the compilers took less than this share of the wall clock over the last {@link #WINDOW}. */
    static final double SETTLED_SHARE = 0.05;
    static final Duration WINDOW = Duration.ofSeconds(10);

    private final CompilationMXBean compilation = ManagementFactory.getCompilationMXBean();
    private final Deque<long[]> samples = new ArrayDeque<>();

    /** Compilation time so far, in ms, over every compiler thread; -1 when the JVM does not say. */
    long totalCompileMs() {
        return compilation != null && compilation.isCompilationTimeMonitoringSupported() ? compilation.getTotalCompilationTime() : -1;
    }

    /** Takes a sample now; true once the samples span the window and the compilers' share over it is under the bound. */
    boolean settled() {
        long now = System.nanoTime();
        long compileMs = totalCompileMs();
        if (compileMs < 0) {
            return true; // nothing to wait for that can be seen
        }
        samples.addLast(new long[] {now, compileMs});
        // The oldest sample kept is the youngest one at least a window old, so that the share spans a whole window.
        while (samples.size() > 1 && now - secondOldest()[0] >= WINDOW.toNanos()) {
            samples.removeFirst();
        }
        long[] first = samples.peekFirst();
        long spanNanos = now - first[0];
        return spanNanos >= WINDOW.toNanos() && share(compileMs - first[1], spanNanos) < SETTLED_SHARE;
    }

    private long[] secondOldest() {
        Iterator<long[]> it = samples.iterator();
        it.next();
        return it.next();
    }

    static double share(long compileMs, long wallNanos) {
        return wallNanos <= 0 ? 0 : compileMs * 1_000_000.0 / wallNanos;
    }
}
