package dev.syncledger.bench;

import dev.syncledger.processor.StreamsSettings;
import dev.syncledger.processor.SyncLedgerTopology;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.StateRestoreListener;

/** How long the processor's stores take to come back from their changelogs, and how many records that reads. */
record Restoration(long nanos, long records) {

    /** From start until RUNNING with every restoration that began finished, on an empty state folder. */
    static Restoration fromChangelogs(StreamsSettings settings, BenchKafka kafka) {
        AtomicInteger restoring = new AtomicInteger();
        AtomicInteger restored = new AtomicInteger();
        AtomicLong records = new AtomicLong();
        try (KafkaStreams streams = new KafkaStreams(SyncLedgerTopology.build(kafka.topology()), settings.toProperties())) {
            streams.setGlobalStateRestoreListener(new StateRestoreListener() {
                @Override
                public void onRestoreStart(TopicPartition partition, String store, long start, long end) {
                    restoring.incrementAndGet();
                }

                @Override
                public void onBatchRestored(TopicPartition partition, String store, long batchEnd, long batchRecords) {
                    records.addAndGet(batchRecords);
                }

                @Override
                public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
                    restored.incrementAndGet();
                }
            });
            long started = System.nanoTime();
            streams.start();
            long deadline = started + BenchKafka.CATCH_UP_TIMEOUT.toNanos();
            while (streams.state() != KafkaStreams.State.RUNNING || restoring.get() == 0 || restored.get() < restoring.get()) {
                if (System.nanoTime() > deadline || streams.state() == KafkaStreams.State.ERROR) {
                    throw new IllegalStateException("the stores were not restored: " + streams.state() + ", " + restored + " of "
                            + restoring + " restorations ended");
                }
                ProcessorBenchmark.sleep(Duration.ofMillis(10));
            }
            return new Restoration(System.nanoTime() - started, records.get());
        }
    }
}
