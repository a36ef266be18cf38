package dev.syncledger.processor.retention;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.Punctuator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes, at each wall-clock punctuation, every row dated before now minus the retention period. It
 * reads only the expired entries of the {@link TimeOrderedIndex}, so its cost follows the number of rows
 * removed, not the number kept; it works in batches so that a long backlog never sits in memory at once.
 */
public final class RetentionPunctuator implements Punctuator {

    static final int BATCH_SIZE = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(RetentionPunctuator.class);

    /** Removes one expired row and announces its removal downstream, from what its index entry holds. */
    @FunctionalInterface
    public interface Expiry {
        void expire(TimeOrderedIndex.Entry entry, long timestamp);
    }

    private final TimeOrderedIndex index;
    private final RetentionPeriod retention;
    private final Expiry expiry;
    private final Sensor pruned;

    public RetentionPunctuator(TimeOrderedIndex index, RetentionPeriod retention, Expiry expiry, Sensor pruned) {
        this.index = index;
        this.retention = retention;
        this.expiry = expiry;
        this.pruned = pruned;
    }

    @Override
    public void punctuate(long timestamp) {
        Instant cutoff = retention.retainedFrom(timestamp);
        long removed = 0;
        List<TimeOrderedIndex.Entry> batch;
        do {
            batch = index.before(cutoff, BATCH_SIZE);
            for (TimeOrderedIndex.Entry entry : batch) {
                expiry.expire(entry, timestamp);
                index.remove(entry.at(), entry.key());
                pruned.record();
            }
            removed += batch.size();
        } while (batch.size() == BATCH_SIZE);
        index.prunedBefore(cutoff);
        if (removed > 0) {
            LOG.debug("pruned {} rows dated before {}", removed, cutoff);
        }
    }
}
