package dev.syncledger.processor.status;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.apache.kafka.common.utils.Bytes;

/**
 * Store keys whose byte order is {@link RunOrder} within a connector: connector id, then (for finished
 * runs) the outcome, then the time with its sign bit flipped, then sync_log_id, all big-endian. State
 * stores compare keys as unsigned bytes, so a reverse range over a connector's prefix reads newest first.
 */
final class RunIndexKeys {

    private static final int ID_BYTES = 16;
    private static final int TIME_BYTES = 8;
    private static final int ORDER_BYTES = TIME_BYTES + ID_BYTES;

    private RunIndexKeys() {}

    static Bytes created(UUID connector, CreatedRun run) {
        return key(prefix(connector), run.createdAt(), run.syncLogId());
    }

    static Bytes finished(UUID connector, RunOutcome outcome, FinishedRun run) {
        return key(prefix(connector, outcome), run.completedAt(), run.syncLogId());
    }

    static byte[] prefix(UUID connector) {
        return ByteBuffer.allocate(ID_BYTES).putLong(connector.getMostSignificantBits())
                .putLong(connector.getLeastSignificantBits()).array();
    }

    static byte[] prefix(UUID connector, RunOutcome outcome) {
        return ByteBuffer.allocate(ID_BYTES + 1).put(prefix(connector)).put((byte) outcome.ordinal()).array();
    }

    /** The smallest and greatest keys under a prefix, both inclusive. */
    static Bytes lowest(byte[] prefix) {
        return Bytes.wrap(Arrays.copyOf(prefix, prefix.length + ORDER_BYTES));
    }

    static Bytes highest(byte[] prefix) {
        byte[] key = Arrays.copyOf(prefix, prefix.length + ORDER_BYTES);
        Arrays.fill(key, prefix.length, key.length, (byte) 0xFF);
        return Bytes.wrap(key);
    }

    static Instant timeOf(Bytes key) {
        byte[] bytes = key.get();
        return Instant.ofEpochMilli(ByteBuffer.wrap(bytes, bytes.length - ORDER_BYTES, TIME_BYTES).getLong() ^ Long.MIN_VALUE);
    }

    static UUID syncLogIdOf(Bytes key) {
        ByteBuffer buffer = ByteBuffer.wrap(key.get(), key.get().length - ID_BYTES, ID_BYTES);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    private static Bytes key(byte[] prefix, Instant time, UUID syncLogId) {
        return Bytes.wrap(ByteBuffer.allocate(prefix.length + ORDER_BYTES)
                .put(prefix)
                .putLong(time.toEpochMilli() ^ Long.MIN_VALUE)
                .putLong(syncLogId.getMostSignificantBits())
                .putLong(syncLogId.getLeastSignificantBits())
                .array());
    }
}
