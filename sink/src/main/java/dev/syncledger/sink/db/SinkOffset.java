package dev.syncledger.sink.db;

/** The next offset a consumer group reads from one partition: one row of sink_offsets. */
public record SinkOffset(String topic, int partition, long nextOffset) {

    /** Moves a partition to {@code nextOffset}, provided the stored offset is at most {@code latestContinuable}. */
    public record Advance(String topic, int partition, long nextOffset, long latestContinuable) {}
}
