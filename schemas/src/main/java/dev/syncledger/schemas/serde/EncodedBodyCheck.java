package dev.syncledger.schemas.serde;

import java.util.List;
import org.apache.avro.Schema;

/**
 * Walks Avro binary against its writer schema without building anything, before the real decode.
 *
 * <p>Why: Avro's decoder allocates a string or bytes buffer of whatever length the data claims before it finds
 * out the data is shorter, so a corrupt length prefix can ask for gigabytes and end in an OutOfMemoryError, and it
 * ignores bytes left after the record. This walk checks every length against the bytes that are really there,
 * every union and enum index against the schema, and that the record ends exactly at the end of the value, so that
 * the decode that follows cannot run off the end.
 */
final class EncodedBodyCheck {

    // Our schemas nest four levels deep; a recursive schema fed crafted bytes must not overflow the stack.
    private static final int MAX_NESTING = 128;

    private final byte[] bytes;
    private int position;
    // Array and map items can be zero bytes wide (null, empty records), so their count is bounded separately:
    // never more items than the value has bytes, which no real record of ours comes near.
    private long itemsLeft;

    private EncodedBodyCheck(byte[] bytes, int from) {
        this.bytes = bytes;
        this.position = from;
        this.itemsLeft = bytes.length;
    }

    /** @throws MalformedBodyException with a one-line reason when the bytes from {@code from} are not one datum */
    static void requireOneDatum(Schema writerSchema, byte[] bytes, int from) throws MalformedBodyException {
        EncodedBodyCheck check = new EncodedBodyCheck(bytes, from);
        check.walk(writerSchema, 0);
        if (check.position != bytes.length) {
            throw new MalformedBodyException((bytes.length - check.position) + " unexpected bytes after the end of the "
                    + writerSchema.getName() + " record (it ends at byte " + check.position + " of " + bytes.length + ")");
        }
    }

    private void walk(Schema schema, int nesting) throws MalformedBodyException {
        if (nesting > MAX_NESTING) {
            throw new MalformedBodyException("data nests deeper than " + MAX_NESTING + " levels at byte " + position);
        }
        switch (schema.getType()) {
            case NULL -> { }
            case BOOLEAN -> skip(1, "boolean", null);
            case INT -> readVarLong(5, "int", null);
            case LONG -> readVarLong(10, "long", null);
            case FLOAT -> skip(4, "float", null);
            case DOUBLE -> skip(8, "double", null);
            case STRING -> skip(readLength("string"), "string", null);
            case BYTES -> skip(readLength("bytes"), "bytes", null);
            case FIXED -> skip(schema.getFixedSize(), "fixed %s", schema.getName());
            case ENUM -> readIndex(schema.getEnumSymbols().size(), "enum %s symbol", schema.getName());
            case UNION -> {
                List<Schema> branches = schema.getTypes();
                walk(branches.get(readIndex(branches.size(), "union branch", null)), nesting + 1);
            }
            case RECORD -> {
                for (Schema.Field field : schema.getFields()) {
                    walk(field.schema(), nesting + 1);
                }
            }
            case ARRAY -> walkBlocks(schema.getElementType(), false, nesting + 1);
            case MAP -> walkBlocks(schema.getValueType(), true, nesting + 1);
        }
    }

    private void walkBlocks(Schema itemSchema, boolean withKeys, int nesting) throws MalformedBodyException {
        while (true) {
            int blockStart = position;
            long count = readVarLong(10, "block count", null);
            if (count == 0) {
                return;
            }
            if (count < 0) {
                // A negative count is followed by the block's size in bytes, which a reader may use to skip it.
                count = -count;
                readLength("block size");
            }
            if (count < 0 || count > itemsLeft) {
                throw new MalformedBodyException("block of " + count + " items at byte " + blockStart
                        + " is larger than the value can hold");
            }
            itemsLeft -= count;
            for (long i = 0; i < count; i++) {
                if (withKeys) {
                    skip(readLength("map key"), "map key", null);
                }
                walk(itemSchema, nesting);
            }
        }
    }

    private int readIndex(int size, String what, String name) throws MalformedBodyException {
        int at = position;
        long index = readVarLong(10, what, name);
        if (index < 0 || index >= size) {
            throw new MalformedBodyException(describe(what, name) + " index " + index + " at byte " + at + " is outside 0.." + (size - 1));
        }
        return (int) index;
    }

    private int readLength(String what) throws MalformedBodyException {
        int at = position;
        long length = readVarLong(10, "%s length", what);
        if (length < 0 || length > bytes.length - position) {
            throw new MalformedBodyException(what + " length " + length + " at byte " + at
                    + " does not fit in the " + (bytes.length - position) + " bytes left (truncated or corrupt)");
        }
        return (int) length;
    }

    private void skip(int count, String what, String name) throws MalformedBodyException {
        if (count > bytes.length - position) {
            throw new MalformedBodyException("value ends inside a " + describe(what, name) + " at byte " + position + " (truncated)");
        }
        position += count;
    }

    /**
     * What a message names: {@code what} with {@code name} in place of its {@code %s}. Built only when a check fails:
     * on the path every record takes, concatenating it would cost a string per field.
     */
    private static String describe(String what, String name) {
        return name == null ? what : what.replace("%s", name);
    }

    /** Avro's zig-zag variable-length integer, at most {@code maxBytes} long. */
    private long readVarLong(int maxBytes, String what, String name) throws MalformedBodyException {
        int start = position;
        long raw = 0;
        for (int i = 0; i < maxBytes; i++) {
            if (position >= bytes.length) {
                throw new MalformedBodyException("value ends inside a " + describe(what, name) + " at byte " + start + " (truncated)");
            }
            int b = bytes[position++] & 0xFF;
            raw |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        throw new MalformedBodyException("invalid " + describe(what, name) + " encoding at byte " + start);
    }

    /** Cheap to throw: no stack trace, as it is an expected outcome for poison records. */
    static final class MalformedBodyException extends Exception {
        MalformedBodyException(String message) {
            super(message, null, false, false);
        }
    }
}
