package dev.syncledger.bench;

/** The bench's helper threads: daemons, so that a stage that fails never leaves the JVM waiting for them. */
final class BenchThreads {

    private BenchThreads() {}

    static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }
}
