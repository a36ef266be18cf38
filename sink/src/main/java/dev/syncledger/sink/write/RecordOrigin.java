package dev.syncledger.sink.write;

import dev.syncledger.sink.db.RejectedEventRow;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where a record came from and its raw bytes, kept so that it can still be rejected after decoding. */
record RecordOrigin(String topic, int partition, long offset, String key, byte[] value, Instant timestamp) {

    static RecordOrigin of(ConsumerRecord<byte[], byte[]> record) {
        return new RecordOrigin(
                record.topic(),
                record.partition(),
                record.offset(),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                record.value(),
                Instant.ofEpochMilli(record.timestamp()));
    }

    /** A rejection of this record by the sink itself; the record's own timestamp keeps replays identical. */
    RejectedEventRow rejection(String reason, String message) {
        return RejectedEventRow.of(reason, message, topic, partition, offset, key, value, timestamp);
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
