package dev.syncledger.schemas.serde;

import dev.syncledger.schemas.text.OneLine;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The Avro spec's own framing: 0xC3 0x01, the writer schema's CRC-64-AVRO fingerprint as 8 little-endian bytes,
 * Avro binary. Used without a registry, so the writer schema must be one this jar knows.
 */
final class SingleObjectEncoding<T extends SpecificRecord> {

    static final int HEADER_LENGTH = 10;
    private static final byte FIRST = (byte) 0xC3;
    private static final byte SECOND = (byte) 0x01;

    private final Schema readerSchema;
    private final KnownWriterSchemas knownWriterSchemas;
    private final BinaryMessageEncoder<T> encoder;
    // Thread-safe, and keeps one resolving reader per writer fingerprint.
    private final BinaryMessageDecoder<T> decoder;

    SingleObjectEncoding(Schema readerSchema, SpecificData model, KnownWriterSchemas knownWriterSchemas) {
        this.readerSchema = readerSchema;
        this.knownWriterSchemas = knownWriterSchemas;
        this.encoder = new BinaryMessageEncoder<>(model, readerSchema);
        this.decoder = new BinaryMessageDecoder<>(model, readerSchema, knownWriterSchemas);
    }

    static boolean startsWithHeader(byte[] bytes) {
        return bytes.length >= 2 && bytes[0] == FIRST && bytes[1] == SECOND;
    }

    byte[] encode(T record) {
        PerThreadBuffer buffer = PerThreadBuffer.empty();
        try {
            encoder.encode(record, buffer);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot encode " + readerSchema.getName() + ": "
                    + OneLine.describe(e), e);
        }
        return buffer.toByteArray();
    }

    T decode(byte[] bytes) throws UndecodableRecordException {
        if (bytes.length < HEADER_LENGTH) {
            throw new UndecodableRecordException("truncated Avro single-object header: " + bytes.length
                    + " bytes, need " + HEADER_LENGTH + " (0xC3 0x01 and an 8-byte schema fingerprint)");
        }
        long fingerprint = 0;
        for (int i = HEADER_LENGTH - 1; i >= 2; i--) {
            fingerprint = (fingerprint << 8) | (bytes[i] & 0xFF);
        }
        Schema writerSchema = knownWriterSchemas.findByFingerprint(fingerprint);
        if (writerSchema == null) {
            throw new UndecodableRecordException(String.format(
                    "unknown Avro schema fingerprint %016x: neither the current %s schema nor a released version of it"
                            + " (written by a newer or a foreign schema?)",
                    fingerprint, readerSchema.getName()));
        }
        try {
            EncodedBodyCheck.requireOneDatum(writerSchema, bytes, HEADER_LENGTH);
        } catch (EncodedBodyCheck.MalformedBodyException e) {
            throw new UndecodableRecordException(String.format(
                    "corrupt single-object record (schema fingerprint %016x): %s", fingerprint, e.getMessage()), e);
        }
        try {
            return decoder.decode(bytes);
        } catch (IOException | RuntimeException e) {
            throw new UndecodableRecordException(String.format("record with schema fingerprint %016x cannot be read"
                    + " as %s: %s", fingerprint, readerSchema.getName(), OneLine.describe(e)), e);
        }
    }
}
