package dev.syncledger.schemas.serde;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Encodes and decodes one Avro record type. Writes the Confluent wire format when a schema registry is configured
 * and Avro single-object encoding when not; reads both whatever the configuration, telling them apart by their
 * first bytes, and resolves older writer schemas to the current one. Safe to share between threads.
 */
public final class AvroCodec<T extends SpecificRecord> {

    private final Schema schema;
    private final boolean writesConfluentFormat;
    private final ConfluentWireFormat<T> confluent;
    private final SingleObjectEncoding<T> singleObject;

    private AvroCodec(Schema schema, SchemaRegistryClient registry, List<Schema> extraWriterSchemas) {
        this.schema = schema;
        this.writesConfluentFormat = registry != null;
        // The generated class's model, which carries the UUID and Instant conversions.
        SpecificData model = SpecificData.getForSchema(schema);
        List<Schema> knownWriters = new ArrayList<>(ReleasedSchemas.of(schema));
        knownWriters.addAll(extraWriterSchemas);
        this.confluent = new ConfluentWireFormat<>(schema, model, registry);
        this.singleObject = new SingleObjectEncoding<>(schema, model, new KnownWriterSchemas(schema, knownWriters));
    }

    /** A codec for the generated record class of {@code schema}; with a registry it uses the process-wide client for its settings. */
    public static <T extends SpecificRecord> AvroCodec<T> create(Schema schema, SerdeConfig config) {
        return AvroCodec.<T>builder(schema, config).build();
    }

    public static <T extends SpecificRecord> Builder<T> builder(Schema schema, SerdeConfig config) {
        return new Builder<>(schema, config);
    }

    /** The current (reader) schema. */
    public Schema schema() {
        return schema;
    }

    /**
     * @throws IllegalArgumentException when the record does not fit the schema (e.g. a required field is null)
     * @throws SchemaRegistryException when the schema cannot be registered
     */
    public byte[] encode(String topic, T record) {
        Objects.requireNonNull(record, "record: a tombstone has no value to encode");
        return writesConfluentFormat ? confluent.encode(topic, record) : singleObject.encode(record);
    }

    /**
     * @throws UndecodableRecordException when the bytes are not a record this codec can read; the record is poison
     * @throws SchemaRegistryException when the registry is needed and cannot be used; the record may be fine
     */
    public T decode(String topic, byte[] bytes) throws UndecodableRecordException {
        if (bytes == null || bytes.length == 0) {
            throw new UndecodableRecordException("empty record value: expected an Avro " + schema.getName()
                    + " record in the Confluent wire format or Avro single-object encoding");
        }
        if (ConfluentWireFormat.startsWithMagicByte(bytes)) {
            return confluent.decode(bytes);
        }
        if (SingleObjectEncoding.startsWithHeader(bytes)) {
            return singleObject.decode(bytes);
        }
        throw new UndecodableRecordException(String.format("not an Avro record: it starts with 0x%02X%s, neither the"
                        + " Confluent wire format (0x00) nor Avro single-object encoding (0xC3 0x01)%s",
                bytes[0], bytes.length > 1 ? String.format(" 0x%02X", bytes[1]) : "",
                bytes[0] == '{' || bytes[0] == '[' ? "; it looks like JSON" : ""));
    }

    public static final class Builder<T extends SpecificRecord> {
        private final Schema schema;
        private final SerdeConfig config;
        private final List<Schema> extraWriterSchemas = new ArrayList<>();
        private SchemaRegistryClient registryClient;

        private Builder(Schema schema, SerdeConfig config) {
            this.schema = Objects.requireNonNull(schema, "schema");
            this.config = Objects.requireNonNull(config, "config");
        }

        /**
         * Another schema single-object records may have been written with, besides the current one and the
         * released versions in this jar; meant for tests of schema evolution.
         */
        public Builder<T> knownWriterSchema(Schema writerSchema) {
            if (!writerSchema.getFullName().equals(schema.getFullName())) {
                throw new IllegalArgumentException("writer schema " + writerSchema.getFullName()
                        + " is not a version of " + schema.getFullName());
            }
            extraWriterSchemas.add(writerSchema);
            return this;
        }

        /** Use this client instead of the process-wide one for the configured URL, e.g. for a cache of its own. */
        public Builder<T> registryClient(SchemaRegistryClient client) {
            this.registryClient = Objects.requireNonNull(client, "client");
            return this;
        }

        public AvroCodec<T> build() {
            requireGeneratedClass(schema);
            Optional<SchemaRegistryClient> registry = config.schemaRegistry()
                    .map(settings -> registryClient != null ? registryClient : SchemaRegistryClient.shared(settings));
            if (registryClient != null && registry.isEmpty()) {
                throw new IllegalStateException("a registry client was given but the SerdeConfig has no schema registry URL");
            }
            return new AvroCodec<>(schema, registry.orElse(null), List.copyOf(extraWriterSchemas));
        }

        private static void requireGeneratedClass(Schema schema) {
            Class<?> type = schema.getType() == Schema.Type.RECORD ? SpecificData.get().getClass(schema) : null;
            if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException("no generated Avro class for " + schema.getFullName()
                        + " on the classpath; AvroCodec decodes into generated SpecificRecord classes only");
            }
        }
    }
}
