package dev.syncledger.processor.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetentionPunctuatorTest {

    private static final Instant NOW = Instant.parse("2026-07-01T00:00:00Z");
    private static final RetentionPeriod RETENTION = new RetentionPeriod(Duration.ofDays(30));

    private final Metrics metrics = new Metrics();
    private final Sensor pruned = metrics.sensor("pruned");
    private final List<String> expired = new ArrayList<>();
    private KeyValueStore<Bytes, byte[]> store;
    private TimeOrderedIndex index;
    private RetentionPunctuator punctuator;

    @BeforeEach
    void openStore() {
        pruned.add(metrics.metricName("pruned-total", "test"), new CumulativeCount());
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("index"), Serdes.Bytes(), Serdes.ByteArray())
                .withLoggingDisabled().build();
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        store.init(context.getStateStoreContext(), store);
        index = new TimeOrderedIndex(store);
        punctuator = new RetentionPunctuator(index, RETENTION, (entry, timestamp) -> expired.add(entry.key()), pruned);
    }

    @AfterEach
    void close() {
        store.close();
        metrics.close();
    }

    @Test
    void shouldExpireExactlyTheRowsDatedBeforeTheCutoffEarliestFirst() {
        Instant cutoff = RETENTION.retainedFrom(NOW.toEpochMilli());
        index.add(cutoff.minusMillis(1), "just-before");
        index.add(cutoff, "at-cutoff");
        index.add(cutoff.minus(Duration.ofDays(3)), "long-before");
        index.add(cutoff.plusSeconds(1), "after");

        punctuator.punctuate(NOW.toEpochMilli());

        assertThat(expired).containsExactly("long-before", "just-before");
        assertThat(remainingKeys()).containsExactly("at-cutoff", "after");
        assertThat(prunedTotal()).isEqualTo(2.0);
    }

    /** Regression: a cutoff before 1970 is a negative key prefix, which sorts after every row's, and used to expire them all. */
    @Test
    void shouldExpireNothingWhenTheRetentionReachesBackBeforeTheEpoch() {
        RetentionPunctuator keepingACentury = new RetentionPunctuator(index, new RetentionPeriod(Duration.ofDays(36_500)),
                (entry, timestamp) -> expired.add(entry.key()), pruned);
        index.add(Instant.EPOCH, "epoch");
        index.add(NOW.minus(Duration.ofDays(400)), "last-year");
        index.add(NOW, "today");

        keepingACentury.punctuate(NOW.toEpochMilli());
        keepingACentury.punctuate(NOW.plusSeconds(60).toEpochMilli());

        assertThat(expired).isEmpty();
        assertThat(remainingKeys()).containsExactly("epoch", "last-year", "today");
    }

    @Test
    void shouldRemoveABacklogLargerThanOneBatchInOnePunctuation() {
        Instant old = RETENTION.retainedFrom(NOW.toEpochMilli()).minusSeconds(60);
        int backlog = RetentionPunctuator.BATCH_SIZE * 2 + 17;
        for (int i = 0; i < backlog; i++) {
            index.add(old.plusMillis(i % 1000), "row-" + i);
        }
        index.add(NOW, "young");

        punctuator.punctuate(NOW.toEpochMilli());

        assertThat(expired).hasSize(backlog).doesNotHaveDuplicates();
        assertThat(remainingKeys()).containsExactly("young");
    }

    @Test
    void shouldStillFindARowAddedBelowWhereThePreviousPruneStopped() {
        punctuator.punctuate(NOW.toEpochMilli());
        // A wall clock set back between two punctuations lets a row in that is older than the last cutoff.
        index.add(RETENTION.retainedFrom(NOW.toEpochMilli()).minusSeconds(5), "late");

        punctuator.punctuate(NOW.plusSeconds(60).toEpochMilli());

        assertThat(expired).containsExactly("late");
    }

    @Test
    void shouldMoveARowWhenItsTimeChanges() {
        index.add(NOW.minus(Duration.ofDays(40)), "moved");
        index.move("moved", NOW.minus(Duration.ofDays(40)), NOW, new byte[0]);

        punctuator.punctuate(NOW.toEpochMilli());

        assertThat(expired).isEmpty();
        assertThat(remainingKeys()).containsExactly("moved");
    }

    @Test
    void shouldOrderStoreKeysByTimeThenKeyAsBytes() {
        Bytes earlier = TimeOrderedIndex.storeKey(Instant.ofEpochMilli(255), "zzz");
        Bytes later = TimeOrderedIndex.storeKey(Instant.ofEpochMilli(256), "aaa");
        Bytes farLater = TimeOrderedIndex.storeKey(Instant.parse("9999-12-31T23:59:59.999Z"), "aaa");

        assertThat(earlier).isLessThan(later);
        assertThat(later).isLessThan(farLater);
        TimeOrderedIndex.Entry entry = TimeOrderedIndex.entryOf(later, new byte[0]);
        assertThat(entry.at()).isEqualTo(Instant.ofEpochMilli(256));
        assertThat(entry.key()).isEqualTo("aaa");
    }

    private List<String> remainingKeys() {
        List<String> keys = new ArrayList<>();
        try (var all = store.all()) {
            all.forEachRemaining(entry -> keys.add(TimeOrderedIndex.entryOf(entry.key, entry.value).key()));
        }
        return keys;
    }

    private double prunedTotal() {
        return (double) metrics.metric(metrics.metricName("pruned-total", "test")).metricValue();
    }
}
