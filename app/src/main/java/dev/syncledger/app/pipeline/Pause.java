package dev.syncledger.app.pipeline;

/** The poll interval of the CLI's waits for progress; an interrupt ends the wait. */
final class Pause {

    private static final long MILLIS = 50;

    private Pause() {}

    static void briefly() {
        try {
            Thread.sleep(MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
