package dev.syncledger.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Heap in use after a full collection, and the resident set size of the process. RocksDB lives off
 * the heap, so RSS is what tells what the stores cost.
 */
record ProcessMemory(long heapBytes, long rssBytes) {

    private static final Path STATUS = Path.of("/proc/self/status");

    static ProcessMemory now() {
        // Twice: the first collection can leave objects with finalizers or soft references for the second.
        System.gc();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new ProcessMemory(heap, rss());
    }

    ProcessMemory minus(ProcessMemory before) {
        return new ProcessMemory(heapBytes - before.heapBytes, rssBytes - before.rssBytes);
    }

    /** VmRSS of /proc/self/status, or -1 where there is no /proc (not Linux). */
    private static long rss() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
