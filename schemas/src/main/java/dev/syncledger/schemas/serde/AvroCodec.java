package dev.syncledger.schemas.serde;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Encodes and decodes one Avro record type. Stub: single-object encoding only for now; the Confluent
 * wire format and the registry client come next behind the same methods.
 */
public final class AvroCodec<T extends SpecificRecord> {

    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    private AvroCodec(Schema schema) {
        SpecificData model = SpecificData.getForSchema(schema);
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema);
    }

    public static <T extends SpecificRecord> AvroCodec<T> create(Schema schema, SerdeConfig config) {
        return new AvroCodec<>(schema);
    }

    public byte[] encode(String topic, T record) {
        try {
            return encoder.encode(record).array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public T decode(String topic, byte[] bytes) throws UndecodableRecordException {
        if (bytes == null || bytes.length == 0) {
            throw new UndecodableRecordException("empty record value");
        }
        try {
            return decoder.decode(bytes);
        } catch (IOException | RuntimeException e) {
            throw new UndecodableRecordException("not a readable Avro record: " + e.getMessage(), e);
        }
    }
}
