package dev.syncledger.processor.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.processor.status.ConnectorStatusState;
import dev.syncledger.processor.status.ConnectorTotals;
import dev.syncledger.processor.watch.ConnectorWatch;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.Test;

class DeadlineIndexTest {

    private static final Instant T = Instant.parse("2026-06-03T00:00:00Z");
    private static final UUID OWNER = new UUID(1, 1);

    private final Map<String, ConnectorState> stored = new LinkedHashMap<>();
    private final AtomicInteger builds = new AtomicInteger();
    private final DeadlineIndex index = new DeadlineIndex(() -> {
        builds.incrementAndGet();
        return iterator(stored);
    });

    @Test
    void isBuiltOnceFromTheStoredConnectorsThatHaveADeadline() {
        stored.put("late", watched(T.plusSeconds(5)));
        stored.put("early", watched(T.plusSeconds(1)));
        stored.put("never", watched(null));
        stored.put("claimed only", new ConnectorState(OWNER, null, null));

        assertThat(index.due(T.plusSeconds(10), 10)).extracting(DeadlineIndex.Due::key).containsExactly("early", "late");
        assertThat(index.size()).isEqualTo(2);
        assertThat(builds).hasValue(1);
    }

    @Test
    void dueIsEarliestFirstStrictlyBeforeTheCutoffAndBoundedByTheLimit() {
        index.reschedule("c", null, T.plusSeconds(3));
        index.reschedule("a", null, T.plusSeconds(1));
        index.reschedule("b", null, T.plusSeconds(2));

        assertThat(index.due(T.plusSeconds(3), 10)).extracting(DeadlineIndex.Due::key).containsExactly("a", "b");
        assertThat(index.due(T.plusSeconds(4), 2)).containsExactly(new DeadlineIndex.Due(T.plusSeconds(1), "a"),
                new DeadlineIndex.Due(T.plusSeconds(2), "b"));
        assertThat(index.due(T.plusSeconds(4), 10)).as("due entries stay until moved").hasSize(3);
    }

    @Test
    void rescheduleMovesAConnectorAndRemoveDropsOnlyTheEntryNamed() {
        stored.put("a", watched(T.plusSeconds(1)));
        index.reschedule("a", T.plusSeconds(1), T.plusSeconds(30));
        index.reschedule("b", null, T.plusSeconds(2));
        assertThat(index.due(T.plusSeconds(10), 10)).extracting(DeadlineIndex.Due::key).containsExactly("b");

        index.remove(T.plusSeconds(1), "b");
        assertThat(index.size()).as("no entry of b at that time").isEqualTo(2);
        index.reschedule("b", T.plusSeconds(2), null);
        assertThat(index.due(T.plusSeconds(60), 10)).containsExactly(new DeadlineIndex.Due(T.plusSeconds(30), "a"));
    }

    private static ConnectorState watched(Instant deadline) {
        ConnectorWatch watch = new ConnectorWatch(null, null, null, deadline, List.of(), Map.of());
        ConnectorStatusState status = new ConnectorStatusState(new ConnectorTotals(OWNER, 0, 0, 0, 0, 0, 0, 0, 0, T), null, null, null, 0,
                ConnectorStatusState.IndexSizes.EMPTY, 1);
        return new ConnectorState(OWNER, status, watch);
    }

    private static KeyValueIterator<String, ConnectorState> iterator(Map<String, ConnectorState> states) {
        Iterator<Map.Entry<String, ConnectorState>> entries = states.entrySet().iterator();
        return new KeyValueIterator<>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public KeyValue<String, ConnectorState> next() {
                Map.Entry<String, ConnectorState> next = entries.next();
                return KeyValue.pair(next.getKey(), next.getValue());
            }

            @Override
            public void close() {
            }

            @Override
            public String peekNextKey() {
                throw new UnsupportedOperationException();
            }
        };
    }
}
