package dev.syncledger.bench;

import java.time.Duration;
import java.util.Locale;

/** Formats for the table: rates rounded to whole units, ratios to two places. */
final class Numbers {

    private Numbers() {}

    static double perSecond(long count, long nanos) {
        return count * 1e9 / Math.max(1, nanos);
    }

    static String rate(double perSecond, String unit) {
        return String.format(Locale.ROOT, "%,.0f %s", perSecond, unit);
    }

    static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2f", ratio);
    }

    /** A relative spread as ±percent. */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "±%.1f%%", fraction * 100);
    }

    static String millis(double millis) {
        return String.format(Locale.ROOT, "%,.0f ms", millis);
    }

    static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MiB", bytes / 1024.0 / 1024.0);
    }

    static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }

    static String met(boolean met) {
        return met ? "met" : "MISSED";
    }
}
