package dev.syncledger.processor.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Reads what {@link BinaryWriter} wrote; a truncated or corrupt record fails with {@link MalformedStoreValueException}. */
public final class BinaryReader {

    private final byte[] bytes;
    private int position;

    public BinaryReader(byte[] bytes, int offset) {
        this.bytes = bytes;
        this.position = offset;
    }

    public int readByte() {
        require(1);
        return bytes[position++] & 0xFF;
    }

    public boolean readBoolean() {
        int value = readByte();
        if (value > 1) {
            throw new MalformedStoreValueException("a boolean byte was " + value);
        }
        return value == 1;
    }

    public int readVarInt() {
        long value = readVarLong();
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new MalformedStoreValueException("a var-int was " + value);
        }
        return (int) value;
    }

    public long readSignedVarLong() {
        long raw = readVarLong();
        return (raw >>> 1) ^ -(raw & 1);
    }

    public long readLong() {
        require(8);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[position++] & 0xFF);
        }
        return value;
    }

    public UUID readUuid() {
        return new UUID(readLong(), readLong());
    }

    public UUID readNullableUuid() {
        return readBoolean() ? readUuid() : null;
    }

    public Instant readInstant() {
        return Instant.ofEpochMilli(readSignedVarLong());
    }

    public Instant readNullableInstant() {
        return readBoolean() ? readInstant() : null;
    }

    public String readString() {
        int length = readVarInt();
        if (length == 0) {
            return null;
        }
        require(length - 1);
        String value = new String(bytes, position, length - 1, StandardCharsets.UTF_8);
        position += length - 1;
        return value;
    }

    public byte[] readBytes() {
        int length = readVarInt();
        if (length == 0) {
            return null;
        }
        require(length - 1);
        byte[] value = new byte[length - 1];
        System.arraycopy(bytes, position, value, 0, length - 1);
        position += length - 1;
        return value;
    }

    public boolean atEnd() {
        return position == bytes.length;
    }

    private long readVarLong() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int next = readByte();
            value |= (long) (next & 0x7F) << shift;
            if ((next & 0x80) == 0) {
                return value;
            }
        }
        throw new MalformedStoreValueException("a var-int runs past 10 bytes");
    }

    private void require(int count) {
        if (count < 0 || position + count > bytes.length) {
            throw new MalformedStoreValueException("the value ends after " + bytes.length + " bytes, " + count
                    + " more were expected at byte " + position);
        }
    }
}
