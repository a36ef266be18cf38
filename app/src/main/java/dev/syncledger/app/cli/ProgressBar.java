package dev.syncledger.app.cli;

import dev.syncledger.app.events.LineProgress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar redrawn in place with a carriage return, at most every {@link #REDRAW_NANOS}:
 * {@code publishing [#########-----------]  45%  13,500/30,000 lines  6,210 lines/s}. Without a known
 * total it shows the count and the rate. Only a terminal gets one: in a pipe or a log file, redraws
 * are noise, so {@link #onTerminal} gives {@link LineProgress#NONE} there.
 */
public final class ProgressBar implements LineProgress {

    static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int WIDTH = 24;

    private final PrintWriter terminal;
    private final String label;
    private final long total;
    private final LongSupplier nanoTime;
    private final long startedNanos;
    private long done;
    private long lastDrawnNanos;

    /** {@code total} is the number of lines to expect, or a negative number when it is not known. */
    public ProgressBar(PrintWriter terminal, String label, long total, LongSupplier nanoTime) {
        this.terminal = terminal;
        this.label = label;
        this.total = total;
        this.nanoTime = nanoTime;
        this.startedNanos = nanoTime.getAsLong();
        this.lastDrawnNanos = startedNanos - REDRAW_NANOS;
    }

    /** A bar on {@code err} when this process runs on a terminal, none otherwise. */
    public static LineProgress onTerminal(PrintWriter err, String label, long total) {
        return System.console() == null ? LineProgress.NONE : new ProgressBar(err, label, total, System::nanoTime);
    }

    @Override
    public void lineDone() {
        done++;
        long now = nanoTime.getAsLong();
        if (now - lastDrawnNanos >= REDRAW_NANOS) {
            draw(now);
        }
    }

    @Override
    public void finished() {
        draw(nanoTime.getAsLong());
        terminal.println();
        terminal.flush();
    }

    private void draw(long now) {
        lastDrawnNanos = now;
        terminal.print('\r');
        terminal.print(render(now));
        terminal.flush();
    }

    String render(long now) {
        double seconds = Math.max(1e-9, (now - startedNanos) / 1e9);
        String rate = String.format(Locale.ROOT, "%,d lines/s", Math.round(done / seconds));
        if (total < 0) {
            return String.format(Locale.ROOT, "%s %,d lines  %s", label, done, rate);
        }
        double share = total == 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(share * WIDTH);
        return String.format(Locale.ROOT, "%s [%s%s] %3d%%  %,d/%,d lines  %s", label, "#".repeat(filled), "-".repeat(WIDTH - filled),
                Math.round(share * 100), done, total, rate);
    }
}
