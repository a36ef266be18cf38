package dev.syncledger.processor.rejection;

import java.util.Arrays;
import java.util.Objects;

/**
 * Where an input event came from and its bytes exactly as received, so that a rejection, even one
 * decided later when another event displaces it, can carry them.
 */
public record EventOrigin(String topic, int partition, long offset, String key, byte[] value) {

    public EventOrigin {
        Objects.requireNonNull(topic, "topic");
    }

    /** The same coordinates without the bytes: kept once the bytes can no longer be needed. */
    public EventOrigin withoutValue() {
        return new EventOrigin(topic, partition, offset, key, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventOrigin other
                && topic.equals(other.topic)
                && partition == other.partition
                && offset == other.offset
                && Objects.equals(key, other.key)
                && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, partition, offset, key, Arrays.hashCode(value));
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
