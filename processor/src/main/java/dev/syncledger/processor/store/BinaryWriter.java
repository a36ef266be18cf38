package dev.syncledger.processor.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * Writes the processor's own records (store values, internal messages) in a compact binary form: variable-length
 * integers, UUIDs as 16 bytes, times as epoch milliseconds, text as UTF-8 with its length. No schema is looked up
 * or resolved; {@link BinarySerde} puts a format version in front so that a later release can still read it.
 */
public final class BinaryWriter {

    private byte[] buffer;
    private int size;

    public BinaryWriter() {
        this(64);
    }

    public BinaryWriter(int capacity) {
        this.buffer = new byte[capacity];
    }

    public BinaryWriter writeByte(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    public BinaryWriter writeBoolean(boolean value) {
        return writeByte(value ? 1 : 0);
    }

    /** A non-negative int in 1 to 5 bytes. */
    public BinaryWriter writeVarInt(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("a var-int is never negative, was " + value);
        }
        return writeVarLong(value);
    }

    /** A long in 1 to 10 bytes, small magnitudes of either sign taking few (zig-zag). */
    public BinaryWriter writeSignedVarLong(long value) {
        return writeVarLong((value << 1) ^ (value >> 63));
    }

    public BinaryWriter writeLong(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    public BinaryWriter writeUuid(UUID value) {
        return writeLong(value.getMostSignificantBits()).writeLong(value.getLeastSignificantBits());
    }

    public BinaryWriter writeNullableUuid(UUID value) {
        writeBoolean(value != null);
        return value == null ? this : writeUuid(value);
    }

    public BinaryWriter writeInstant(Instant value) {
        return writeSignedVarLong(value.toEpochMilli());
    }

    public BinaryWriter writeNullableInstant(Instant value) {
        writeBoolean(value != null);
        return value == null ? this : writeInstant(value);
    }

    /** Text as its UTF-8 bytes; null is told apart from the empty string. */
    public BinaryWriter writeString(String value) {
        return writeBytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    public BinaryWriter writeBytes(byte[] value) {
        if (value == null) {
            return writeVarInt(0);
        }
        writeVarInt(value.length + 1);
        ensure(value.length);
        System.arraycopy(value, 0, buffer, size, value.length);
        size += value.length;
        return this;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    public int size() {
        return size;
    }

    private BinaryWriter writeVarLong(long value) {
        ensure(10);
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            buffer[size++] = (byte) ((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        buffer[size++] = (byte) rest;
        return this;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
