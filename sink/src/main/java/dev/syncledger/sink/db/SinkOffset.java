package dev.syncledger.sink.db;

import java.util.List;

/** The next offset a consumer group reads from one partition: one row of sink_offsets. */
public record SinkOffset(String topic, int partition, long nextOffset) {

    /** Moves a partition to {@code nextOffset}, provided the stored offset is at most {@code latestContinuable}. */
    public record Advance(String topic, int partition, long nextOffset, long latestContinuable) {}

    /** A batch's advances as one array per column, for one set-based statement. */
    public record Advances(String[] topic, Integer[] partition, Long[] nextOffset, Long[] latestContinuable) {

        public static Advances of(List<Advance> advances) {
            return new Advances(advances.stream().map(Advance::topic).toArray(String[]::new),
                    advances.stream().map(Advance::partition).toArray(Integer[]::new),
                    advances.stream().map(Advance::nextOffset).toArray(Long[]::new),
                    advances.stream().map(Advance::latestContinuable).toArray(Long[]::new));
        }
    }
}
