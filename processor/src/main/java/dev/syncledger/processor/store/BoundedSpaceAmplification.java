package dev.syncledger.processor.store;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.CompactionOptionsUniversal;
import org.rocksdb.Options;

/**
 * Keeps each RocksDB store's size on disk near what it holds. Most of what the ledger stores write is deleted again
 * once the horizon passes, and under Kafka Streams' universal compaction the deleted values and their tombstones stay
 * on disk until a compaction merges every sorted run; RocksDB's default waits until the newer runs reach twice the
 * oldest (a size amplification of 200%), so a store could take three times its live size. A full compaction now comes
 * once they reach {@value #MAX_SIZE_AMPLIFICATION_PERCENT}% of it: more rewriting, all of it on RocksDB's background
 * threads, for a disk footprint that follows what is held.
 *
 * <p>Memtables of {@value #WRITE_BUFFER_BYTES} bytes instead of Kafka Streams' 16 MiB: each flush adds a sorted run of
 * about that size, and up to three of them wait for the next compaction, so smaller flushes keep what a store has on
 * disk beyond what it holds to a few MiB, and bound the memory the memtables take (three per store and task).
 */
public final class BoundedSpaceAmplification implements RocksDBConfigSetter {

    static final int MAX_SIZE_AMPLIFICATION_PERCENT = 25;
    static final long WRITE_BUFFER_BYTES = 4L << 20;

    // Kafka Streams makes one setter per store, so one native object to close per instance.
    private CompactionOptionsUniversal universal;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        universal = new CompactionOptionsUniversal();
        universal.setMaxSizeAmplificationPercent(MAX_SIZE_AMPLIFICATION_PERCENT);
        options.setCompactionOptionsUniversal(universal);
        options.setWriteBufferSize(WRITE_BUFFER_BYTES);
    }

    @Override
    public void close(String storeName, Options options) {
        if (universal != null) {
            universal.close();
            universal = null;
        }
    }
}
