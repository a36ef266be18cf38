package dev.syncledger.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {

    @Test
    void shouldWriteWhatInstantToStringWrites() {
        SplittableRandom random = new SplittableRandom(42);
        Instant[] fixed = {Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.999999999Z"), Instant.parse("2026-12-06T10:00:00Z"),
                Instant.parse("2026-12-06T10:00:00.120Z"), Instant.parse("2024-02-29T23:59:59.000123Z"),
                Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00.000000001Z")};
        char[] out = new char[32];
        for (Instant instant : fixed) {
            assertThat(new String(out, 0, IsoInstants.format(instant, out))).isEqualTo(instant.toString());
        }
        for (int i = 0; i < 100_000; i++) {
            long second = random.nextLong(-62_000_000_000L, 253_402_300_800L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(second, nanos);
            assertThat(new String(out, 0, IsoInstants.format(instant, out))).isEqualTo(instant.toString());
        }
    }
}
