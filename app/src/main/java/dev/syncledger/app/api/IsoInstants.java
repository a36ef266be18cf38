package dev.syncledger.app.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Instants written as {@link Instant#toString()} writes them (ISO-8601 in UTC, the fraction in groups of three digits,
 * none when zero), straight into a char array. A page of 100 runs carries 400 timestamps, and going through
 * {@code DateTimeFormatter} for each was a tenth of the API's CPU.
 */
final class IsoInstants {

    private static final long SECONDS_PER_DAY = 86_400;

    private IsoInstants() {}

    /** The text of {@code instant} into {@code out} from index 0; returns its length (at most 30). */
    static int format(Instant instant, char[] out) {
        long epochSecond = instant.getEpochSecond();
        long day = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
        LocalDate date = LocalDate.ofEpochDay(day);
        if (date.getYear() < 0 || date.getYear() > 9999) {
            String text = instant.toString();
            text.getChars(0, text.length(), out, 0);
            return text.length();
        }
        int at = digits(date.getYear(), 4, out, 0);
        out[at++] = '-';
        at = digits(date.getMonthValue(), 2, out, at);
        out[at++] = '-';
        at = digits(date.getDayOfMonth(), 2, out, at);
        out[at++] = 'T';
        at = digits(secondOfDay / 3600, 2, out, at);
        out[at++] = ':';
        at = digits(secondOfDay / 60 % 60, 2, out, at);
        out[at++] = ':';
        at = digits(secondOfDay % 60, 2, out, at);
        int nanos = instant.getNano();
        if (nanos != 0) {
            out[at++] = '.';
            if (nanos % 1_000_000 == 0) {
                at = digits(nanos / 1_000_000, 3, out, at);
            } else if (nanos % 1_000 == 0) {
                at = digits(nanos / 1_000, 6, out, at);
            } else {
                at = digits(nanos, 9, out, at);
            }
        }
        out[at++] = 'Z';
        return at;
    }

    private static int digits(int value, int width, char[] out, int at) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
