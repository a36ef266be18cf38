package dev.syncledger.processor.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.schemas.ConnectorFreshness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The watch's pure parts: the learned interval and the freshness rule. */
class WatchFoldTest {

    private static final Instant T = Instant.parse("2026-06-02T08:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void learnsTheMedianGapOfTheNewestRunsOnceThereAreThree() {
        assertThat(ExpectedInterval.learn(times(0, 60).iterator())).as("two runs teach nothing").isNull();
        assertThat(ExpectedInterval.learn(times(0, 60, 120).iterator())).isEqualTo(HOUR);
        // Gaps 60, 60, 600 minutes: one long outage does not move the median.
        assertThat(ExpectedInterval.learn(times(0, 60, 120, 720).iterator())).isEqualTo(HOUR);
        // Gaps 10 and 30 minutes: an even count takes the mean of the middle two.
        assertThat(ExpectedInterval.learn(times(0, 10, 40, 70, 80).iterator())).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void readsOnlyTheNewestTwentyRuns() {
        List<Instant> newestFirst = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            newestFirst.add(T.minus(Duration.ofMinutes(5L * i)));
        }
        for (int i = 0; i < 100; i++) {
            newestFirst.add(T.minus(Duration.ofDays(1 + i)));
        }
        assertThat(ExpectedInterval.learn(newestFirst.iterator())).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void runsCreatedTogetherTeachNothing() {
        assertThat(ExpectedInterval.learn(List.of(T, T, T, T).iterator())).isNull();
    }

    @Test
    void isOnTimeUpToOneIntervalDelayedUpToTwoOverdueBeyondAndUnknownWithoutAnchor() {
        assertThat(WatchFold.freshness(null, HOUR, T)).isEqualTo(ConnectorFreshness.unknown);
        assertThat(WatchFold.freshness(T, HOUR, T.plus(HOUR))).isEqualTo(ConnectorFreshness.on_time);
        assertThat(WatchFold.freshness(T, HOUR, T.plus(HOUR).plusMillis(1))).isEqualTo(ConnectorFreshness.delayed);
        assertThat(WatchFold.freshness(T, HOUR, T.plus(HOUR.multipliedBy(2)))).isEqualTo(ConnectorFreshness.delayed);
        assertThat(WatchFold.freshness(T, HOUR, T.plus(HOUR.multipliedBy(2)).plusMillis(1))).isEqualTo(ConnectorFreshness.overdue);
        assertThat(WatchFold.freshness(T, HOUR, T.minusSeconds(30))).as("a success dated ahead of the clock").isEqualTo(ConnectorFreshness.on_time);
    }

    private static List<Instant> times(long... minutesOldestFirst) {
        List<Instant> newestFirst = new java.util.ArrayList<>();
        for (int i = minutesOldestFirst.length - 1; i >= 0; i--) {
            newestFirst.add(T.plus(Duration.ofMinutes(minutesOldestFirst[i])));
        }
        return newestFirst;
    }
}
