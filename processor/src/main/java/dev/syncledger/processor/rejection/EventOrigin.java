package dev.syncledger.processor.rejection;

import dev.syncledger.schemas.rejected.RawValue;
import dev.syncledger.schemas.text.OneLine;
import java.util.Objects;

/**
 * Where an input event came from: its topic, partition, offset and timestamp, its key, and its raw value as a
 * rejection carries it. A ledger keeps only the coordinates ({@link #withoutValue()}): an event displaced after
 * it was accepted is rejected by position, and the bytes are still on the input topic at that offset.
 *
 * @param key the record key, its first {@value #MAX_KEY_CHARS} characters when longer
 * @param value null once dropped, or for a tombstone
 */
public record EventOrigin(String topic, int partition, long offset, long timestamp, String key, RawValue value) {

    public static final int MAX_KEY_CHARS = 1_024;

    public EventOrigin {
        Objects.requireNonNull(topic, "topic");
        if (key != null && key.length() > MAX_KEY_CHARS) {
            key = OneLine.of(key, MAX_KEY_CHARS);
        }
    }

    public EventOrigin withoutValue() {
        return value == null ? this : new EventOrigin(topic, partition, offset, timestamp, key, null);
    }

    public boolean sameRecord(EventOrigin other) {
        return offset == other.offset && partition == other.partition && topic.equals(other.topic);
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
