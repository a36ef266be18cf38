package dev.syncledger.app.generate;

import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.ToIntFunction;

/**
 * The random choices of a generated workload, from one {@link SplittableRandom}. It uses only
 * {@code nextLong}/{@code nextDouble} and {@link StrictMath}, never the JDK's Gaussian or
 * platform-dependent {@code Math} intrinsics, so a seed gives the same workload on every JVM.
 */
final class Draw {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final SplittableRandom random;

    Draw(SplittableRandom random) {
        this.random = random;
    }

    Draw(long seed) {
        this(new SplittableRandom(seed));
    }

    /** An independent stream: what one connector draws never shifts what another draws. */
    Draw split() {
        return new Draw(random.split());
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** Uniform in {@code [min, max)}; {@code min} when the range is empty. */
    long between(long min, long max) {
        return max > min ? random.nextLong(min, max) : min;
    }

    double between(double min, double max) {
        return min + (max - min) * random.nextDouble();
    }

    int index(int size) {
        return random.nextInt(size);
    }

    <T> T pick(List<T> items) {
        return items.get(index(items.size()));
    }

    <T> T weighted(List<T> items, ToIntFunction<T> weight) {
        int total = items.stream().mapToInt(weight).sum();
        int ticket = random.nextInt(total);
        for (T item : items) {
            ticket -= weight.applyAsInt(item);
            if (ticket < 0) {
                return item;
            }
        }
        throw new IllegalStateException("weights changed while drawing");
    }

    /** A random (version 4) UUID drawn from this stream. */
    UUID uuid() {
        long most = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long least = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    String hex(int digits) {
        char[] text = new char[digits];
        for (int i = 0; i < digits; i++) {
            text[i] = HEX[random.nextInt(16)];
        }
        return new String(text);
    }

    /** Log-normal around {@code median} (skewed right: a long tail of slow ones), clamped to {@code [min, max]}. */
    long logNormal(double median, double sigma, long min, long max) {
        double value = median * StrictMath.exp(sigma * gaussian());
        return Math.max(min, Math.min(max, Math.round(value)));
    }

    /** Poisson with the given mean (Knuth's method; the means used here are small). */
    int poisson(double mean) {
        double limit = StrictMath.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }

    /** Standard normal by Box-Muller. */
    private double gaussian() {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }
}
