package dev.syncledger.schemas.serde;

import dev.syncledger.schemas.text.OneLine;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Confluent's framing: magic byte 0, the writer schema's registry id as a 4-byte big-endian int, Avro binary.
 * Subjects follow Confluent's TopicNameStrategy, {@code <topic>-value}.
 */
final class ConfluentWireFormat<T extends SpecificRecord> {

    static final byte MAGIC_BYTE = 0;
    static final int HEADER_LENGTH = 5;

    private static final ThreadLocal<BinaryDecoder> DECODERS = new ThreadLocal<>();

    private final Schema readerSchema;
    private final SpecificData model;
    private final DatumWriter<T> writer;
    private final SchemaRegistryClient registry;
    // Keyed by topic, not subject, so the hot path builds no string.
    private final Map<String, Integer> schemaIdByTopic = new ConcurrentHashMap<>();
    // Only ids the registry resolved get here, yet a registry may hold many: capped like the client's own cache.
    private final CappedCache<Integer, ResolvingReader<T>> readerBySchemaId;

    /** @param registry null when no registry is configured: such a codec can only explain why it cannot decode */
    ConfluentWireFormat(Schema readerSchema, SpecificData model, SchemaRegistryClient registry) {
        this.readerSchema = readerSchema;
        this.model = model;
        @SuppressWarnings("unchecked")
        DatumWriter<T> datumWriter = (DatumWriter<T>) model.createDatumWriter(readerSchema);
        this.writer = datumWriter;
        this.registry = registry;
        this.readerBySchemaId = new CappedCache<>(registry == null ? 1 : registry.settings().cacheCapacity());
    }

    static boolean startsWithMagicByte(byte[] bytes) {
        return bytes.length > 0 && bytes[0] == MAGIC_BYTE;
    }

    byte[] encode(String topic, T record) {
        if (registry == null) {
            throw new IllegalStateException("the Confluent wire format needs a --schema-registry-url");
        }
        int schemaId = schemaIdByTopic.computeIfAbsent(topic,
                t -> registry.register(t + "-value", readerSchema));
        PerThreadBuffer buffer = PerThreadBuffer.empty();
        buffer.write(MAGIC_BYTE);
        buffer.writeIntBigEndian(schemaId);
        try {
            writer.write(record, buffer.encoder());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot encode " + readerSchema.getName() + " for topic " + topic + ": "
                    + OneLine.describe(e), e);
        }
        return buffer.toByteArray();
    }

    T decode(byte[] bytes) throws UndecodableRecordException {
        if (bytes.length < HEADER_LENGTH) {
            throw new UndecodableRecordException("truncated Confluent wire format header: " + bytes.length
                    + " bytes, need " + HEADER_LENGTH + " (magic byte 0 and a 4-byte schema id)");
        }
        int schemaId = ((bytes[1] & 0xFF) << 24) | ((bytes[2] & 0xFF) << 16) | ((bytes[3] & 0xFF) << 8)
                | (bytes[4] & 0xFF);
        if (schemaId < 0) {
            throw new UndecodableRecordException("invalid Confluent schema id " + schemaId
                    + ": registry ids are never negative");
        }
        if (registry == null) {
            throw new UndecodableRecordException("record uses the Confluent wire format (schema id " + schemaId
                    + ") but no --schema-registry-url is set");
        }
        ResolvingReader<T> reader = readerFor(schemaId);
        try {
            EncodedBodyCheck.requireOneDatum(reader.writerSchema(), bytes, HEADER_LENGTH);
        } catch (EncodedBodyCheck.MalformedBodyException e) {
            throw new UndecodableRecordException("corrupt Confluent-format record (schema id " + schemaId + "): "
                    + e.getMessage(), e);
        }
        BinaryDecoder decoder = DecoderFactory.get()
                .binaryDecoder(bytes, HEADER_LENGTH, bytes.length - HEADER_LENGTH, DECODERS.get());
        DECODERS.set(decoder);
        try {
            return reader.datumReader().read(null, decoder);
        } catch (IOException | RuntimeException e) {
            // Typically schema resolution: the writer schema has a field or union branch this reader cannot take.
            throw new UndecodableRecordException("record with schema id " + schemaId + " cannot be read as "
                    + readerSchema.getName() + ": " + OneLine.describe(e), e);
        }
    }

    private ResolvingReader<T> readerFor(int schemaId) throws UndecodableRecordException {
        ResolvingReader<T> reader = readerBySchemaId.get(schemaId);
        if (reader != null) {
            return reader;
        }
        Schema writerSchema;
        try {
            writerSchema = registry.schemaById(schemaId);
        } catch (UnresolvableSchemaIdException e) {
            throw new UndecodableRecordException(e.getMessage(), e);
        }
        @SuppressWarnings("unchecked")
        DatumReader<T> datumReader = (DatumReader<T>) model.createDatumReader(writerSchema, readerSchema);
        reader = new ResolvingReader<>(writerSchema, datumReader);
        return readerBySchemaId.putIfAbsent(schemaId, reader);
    }

    /** A reader that resolves one writer schema to the reader schema; Avro works out the resolution once. */
    private record ResolvingReader<T>(Schema writerSchema, DatumReader<T> datumReader) {}
}
