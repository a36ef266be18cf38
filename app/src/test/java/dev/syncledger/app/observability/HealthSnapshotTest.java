package dev.syncledger.app.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncledger.app.observability.HealthSnapshot.Observed;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthSnapshotTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private static final Duration STALE_AFTER = Duration.ofSeconds(10);

    @Test
    void shouldBeReadyOnlyWhileEveryCheckIsOk() {
        assertThat(snapshot(Map.of("broker", new Observed(HealthCode.ok, 99 * SECOND)), 100 * SECOND).ready()).isTrue();
        assertThat(snapshot(ordered("broker", new Observed(HealthCode.ok, 99 * SECOND),
                "database", new Observed(HealthCode.database_unreachable, 99 * SECOND)), 100 * SECOND).ready()).isFalse();
        assertThat(snapshot(Map.of("broker", new Observed(HealthCode.pending, 99 * SECOND)), 100 * SECOND).ready()).isFalse();
    }

    @Test
    void shouldCallAResultOlderThanTheBoundStaleWhateverItSaid() {
        HealthSnapshot snapshot = snapshot(ordered("broker", new Observed(HealthCode.ok, 89 * SECOND),
                "database", new Observed(HealthCode.ok, 98 * SECOND)), 100 * SECOND);

        assertThat(snapshot.checks()).containsExactly(Map.entry("broker", HealthCode.stale), Map.entry("database", HealthCode.ok));
        assertThat(snapshot.ready()).isFalse();
        assertThat(snapshot.age()).as("the oldest result's").isEqualTo(Duration.ofSeconds(11));
    }

    @Test
    void shouldKeepAResultExactlyAtTheBound() {
        HealthSnapshot snapshot = snapshot(Map.of("broker", new Observed(HealthCode.ok, 90 * SECOND)), 100 * SECOND);

        assertThat(snapshot.checks()).containsEntry("broker", HealthCode.ok);
        assertThat(snapshot.age()).isEqualTo(STALE_AFTER);
    }

    @Test
    void shouldRefuseAScheduleThatWouldCallAHealthyCheckStale() {
        assertThatThrownBy(() -> new HealthSchedule(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10)))
                .hasMessageContaining("more than one interval plus one timeout");
        assertThatThrownBy(() -> new Readiness.Problem(HealthCode.ok, "fine")).isInstanceOf(IllegalArgumentException.class);
    }

    private static HealthSnapshot snapshot(Map<String, Observed> latest, long now) {
        return HealthSnapshot.of(latest, now, STALE_AFTER);
    }

    private static Map<String, Observed> ordered(String first, Observed a, String second, Observed b) {
        Map<String, Observed> map = new LinkedHashMap<>();
        map.put(first, a);
        map.put(second, b);
        return map;
    }
}
