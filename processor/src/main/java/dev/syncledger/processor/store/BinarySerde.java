package dev.syncledger.processor.store;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A Kafka serde over a {@link BinaryFormat}: one version byte, then the value; null stays null (a tombstone). */
public final class BinarySerde<T> implements Serde<T> {

    private static final int MIN_SIZE_HINT = 64;
    private static final int MAX_SIZE_HINT = 64 * 1024;

    private final String name;
    private final BinaryFormat<T> format;
    /** Where the next value's buffer starts; shared by the threads using this serde, so only ever a hint. */
    private int sizeHint = 128;

    public BinarySerde(String name, BinaryFormat<T> format) {
        if (format.version() < 1 || format.version() > 255) {
            throw new IllegalArgumentException("format version of " + name + " must be 1 to 255, was " + format.version());
        }
        this.name = name;
        this.format = format;
    }

    public byte[] encode(T value) {
        if (value == null) {
            return null;
        }
        BinaryWriter out = new BinaryWriter(sizeHint);
        out.writeByte(format.version());
        format.write(value, out);
        // A store's values are much alike in size: starting at the last one's saves regrowing the buffer for each value.
        sizeHint = Math.min(MAX_SIZE_HINT, Math.max(MIN_SIZE_HINT, out.size() + out.size() / 4));
        return out.toByteArray();
    }

    public T decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (bytes.length == 0) {
            throw new SerializationException("an empty " + name + " value");
        }
        int version = bytes[0] & 0xFF;
        if (version < 1 || version > format.version()) {
            throw new SerializationException("a " + name + " value of format version " + version + "; this release reads 1 to "
                    + format.version() + " (was it written by a newer sync-ledger?)");
        }
        BinaryReader in = new BinaryReader(bytes, 1);
        try {
            T value = format.read(in, version);
            if (!in.atEnd()) {
                throw new MalformedStoreValueException("bytes left over after the value");
            }
            return value;
        } catch (MalformedStoreValueException e) {
            throw new SerializationException("cannot read a " + name + " value: " + e.getMessage(), e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> encode(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> decode(bytes);
    }
}
