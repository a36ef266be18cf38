package dev.syncledger.sink.db;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.postgresql.util.PGBinaryObject;
import org.postgresql.util.PGobject;

/**
 * An array parameter ({@code uuid[]}, {@code timestamptz[]}, {@code text[]}, {@code bigint[]}, {@code integer[]}) in
 * PostgreSQL's binary array format. The driver's {@code createArrayOf} sends arrays of objects as text: the sink's
 * writer thread formatted and escaped every value of a batch's columns (over half its CPU time in a profile of the
 * peer stage) and the server parsed each one back, both on the batch's critical path. In binary, each value is its
 * bytes, copied on both sides. Sent in binary when the connection enables it for the array's type (the driver does
 * for text, bigint and integer arrays; {@link #BINARY_TRANSFER_ENABLE}, which {@link Database} sets, adds the other
 * two), as text otherwise.
 */
final class BinaryArray extends PGobject implements PGBinaryObject {

    /** The driver's {@code binaryTransferEnable}: uuid[] and timestamptz[] by OID. */
    static final String BINARY_TRANSFER_ENABLE = Element.UUID.arrayOid + "," + Element.TIMESTAMPTZ.arrayOid;

    /** PostgreSQL's timestamps count microseconds from 2000-01-01 00:00 UTC. */
    private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;
    /** Dimensions, the null flag and the element type; then, for a non-empty array, its one dimension's length and lower bound. */
    private static final int HEADER_BYTES = 12;
    private static final int DIMENSION_BYTES = 8;
    private static final int NULL_LENGTH = -1;

    private final Element element;
    private final Object[] values;
    /** Each value as {@link Element#prepare} holds it for writing. */
    private final Object[] encoded;
    private final int valueBytes;
    private final boolean hasNull;

    private BinaryArray(Element element, Object[] values) {
        this.element = element;
        this.values = values;
        this.encoded = new Object[values.length];
        int bytes = 0;
        boolean anyNull = false;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                anyNull = true;
                continue;
            }
            encoded[i] = element.prepare(values[i]);
            bytes += element.length(encoded[i]);
        }
        this.valueBytes = bytes;
        this.hasNull = anyNull;
        setType(element.arrayTypeName);
    }

    static BinaryArray ofUuids(UUID[] values) {
        return new BinaryArray(Element.UUID, values);
    }

    static BinaryArray ofTimestamps(Instant[] values) {
        return new BinaryArray(Element.TIMESTAMPTZ, values);
    }

    static BinaryArray ofTexts(String[] values) {
        return new BinaryArray(Element.TEXT, values);
    }

    static BinaryArray ofLongs(Long[] values) {
        return new BinaryArray(Element.INT8, values);
    }

    static BinaryArray ofIntegers(Integer[] values) {
        return new BinaryArray(Element.INT4, values);
    }

    /** Jdbi factories binding every {@code UUID[]}, {@code Instant[]}, {@code String[]}, {@code Long[]} and {@code Integer[]} parameter as a binary array. */
    static List<AbstractArgumentFactory<?>> argumentFactories() {
        return List.of(
                new Arguments<UUID[]>(BinaryArray::ofUuids) {},
                new Arguments<Instant[]>(BinaryArray::ofTimestamps) {},
                new Arguments<String[]>(BinaryArray::ofTexts) {},
                new Arguments<Long[]>(BinaryArray::ofLongs) {},
                new Arguments<Integer[]>(BinaryArray::ofIntegers) {});
    }

    @Override
    public int lengthInBytes() {
        int dimension = values.length == 0 ? 0 : DIMENSION_BYTES;
        return HEADER_BYTES + dimension + values.length * Integer.BYTES + valueBytes;
    }

    /** array_recv's input: dimensions, null flag, element type, then per dimension its length and lower bound, then the values. */
    @Override
    public void toBytes(byte[] bytes, int offset) {
        ByteBuffer out = ByteBuffer.wrap(bytes, offset, lengthInBytes());
        out.putInt(values.length == 0 ? 0 : 1);
        out.putInt(hasNull ? 1 : 0);
        out.putInt(element.oid);
        if (values.length > 0) {
            out.putInt(values.length);
            out.putInt(1);
        }
        for (Object value : encoded) {
            if (value == null) {
                out.putInt(NULL_LENGTH);
            } else {
                out.putInt(element.length(value));
                element.write(value, out);
            }
        }
    }

    @Override
    public void setByteValue(byte[] value, int offset) throws SQLException {
        throw new SQLException("a BinaryArray is only ever sent, never read");
    }

    /** The text form, for a connection that sends this type as text (its URL overrides binaryTransferEnable). */
    @Override
    public String getValue() {
        StringBuilder text = new StringBuilder(2 + values.length * 30).append('{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            if (values[i] == null) {
                text.append("NULL");
            } else {
                text.append('"');
                String value = values[i].toString();
                for (int c = 0; c < value.length(); c++) {
                    char ch = value.charAt(c);
                    if (ch == '"' || ch == '\\') {
                        text.append('\\');
                    }
                    text.append(ch);
                }
                text.append('"');
            }
        }
        return text.append('}').toString();
    }

    @Override
    public void setValue(String value) throws SQLException {
        throw new SQLException("a BinaryArray is only ever sent, never read");
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    private enum Element {
        UUID(2950, 2951, "_uuid", 16) {
            @Override
            void write(Object value, ByteBuffer out) {
                java.util.UUID uuid = (java.util.UUID) value;
                out.putLong(uuid.getMostSignificantBits());
                out.putLong(uuid.getLeastSignificantBits());
            }
        },
        TIMESTAMPTZ(1184, 1185, "_timestamptz", 8) {
            /**
             * Rounded to the microsecond, half up, as PostgreSQL rounds a timestamp's text. An instant beyond what 64
             * bits of microseconds hold is sent as a value just inside the infinities, which the server refuses as out
             * of range, as it refused the text: a refused row, not a failed sink.
             */
            @Override
            void write(Object value, ByteBuffer out) {
                Instant instant = (Instant) value;
                long seconds = instant.getEpochSecond() - POSTGRES_EPOCH_SECOND;
                long micros;
                try {
                    micros = Math.addExact(Math.multiplyExact(seconds, 1_000_000L), (instant.getNano() + 500) / 1_000);
                } catch (ArithmeticException e) {
                    micros = seconds < 0 ? Long.MIN_VALUE + 1 : Long.MAX_VALUE - 1;
                }
                out.putLong(micros);
            }
        },
        /** Encoded to UTF-8 up front, to know the array's length before writing it. */
        TEXT(25, 1009, "_text", -1) {
            @Override
            Object prepare(Object value) {
                return ((String) value).getBytes(StandardCharsets.UTF_8);
            }

            @Override
            int length(Object encoded) {
                return ((byte[]) encoded).length;
            }

            @Override
            void write(Object encoded, ByteBuffer out) {
                out.put((byte[]) encoded);
            }
        },
        INT8(20, 1016, "_int8", 8) {
            @Override
            void write(Object value, ByteBuffer out) {
                out.putLong((Long) value);
            }
        },
        INT4(23, 1007, "_int4", 4) {
            @Override
            void write(Object value, ByteBuffer out) {
                out.putInt((Integer) value);
            }
        };

        final int oid;
        final int arrayOid;
        final String arrayTypeName;
        private final int bytes;

        Element(int oid, int arrayOid, String arrayTypeName, int bytes) {
            this.oid = oid;
            this.arrayOid = arrayOid;
            this.arrayTypeName = arrayTypeName;
            this.bytes = bytes;
        }

        /** What the array holds for a non-null value until it is written: the value itself, unless an element says otherwise. */
        Object prepare(Object value) {
            return value;
        }

        /** A value's length on the wire, given what {@link #prepare} made of it. */
        int length(Object encoded) {
            return bytes;
        }

        abstract void write(Object encoded, ByteBuffer out);
    }

    /** Jdbi finds the argument type from the subclass's type parameter, hence the anonymous subclasses above. */
    private abstract static class Arguments<T> extends AbstractArgumentFactory<T> {

        private final Function<T, BinaryArray> encode;

        Arguments(Function<T, BinaryArray> encode) {
            super(Types.OTHER);
            this.encode = encode;
        }

        @Override
        protected Argument build(T value, ConfigRegistry config) {
            BinaryArray array = encode.apply(value);
            return (position, statement, context) -> statement.setObject(position, array);
        }
    }
}
