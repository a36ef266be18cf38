package dev.syncledger.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateBenchmarkTest {

    @Test
    void theTrendIsTheSlopeOfTheBytesOnDiskAgainstTheDay() {
        List<StateBenchmark.Day> growing = List.of(day(8, 300), day(9, 310), day(10, 320), day(11, 330));
        List<StateBenchmark.Day> swinging = List.of(day(8, 300), day(9, 400), day(10, 400), day(11, 300));

        assertThat(StateBenchmark.trendPerDay(growing)).isCloseTo(10, within(1e-9));
        assertThat(StateBenchmark.trendPerDay(swinging)).isCloseTo(0, within(1e-9));
    }

    @Test
    void aSingleDayHasNoTrend() {
        assertThat(StateBenchmark.trendPerDay(List.of(day(8, 300)))).isZero();
    }

    private static StateBenchmark.Day day(int day, long bytes) {
        return new StateBenchmark.Day(day, 0, bytes, 0, Map.of(), Map.of(), new ProcessMemory(0, 0));
    }
}
