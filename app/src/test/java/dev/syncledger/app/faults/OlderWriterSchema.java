package dev.syncledger.app.faults;

import dev.syncledger.app.testing.PublishedRecord;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.collect.CollectEvent;
import dev.syncledger.schemas.diagnostic.DiagnosticEvent;
import dev.syncledger.schemas.documentlink.DocumentLinkEvent;
import dev.syncledger.schemas.serde.ReleasedSchemas;
import dev.syncledger.schemas.syncrun.SyncRunEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;

/**
 * Re-frames an input record as a producer still on the previous released schema would have written
 * it: the value read with that schema, then single-object encoded with its fingerprint.
 */
final class OlderWriterSchema {

    private static final Map<String, Schema> CURRENT = Map.of(
            Topics.SYNC_RUNS.name(), SyncRunEvent.getClassSchema(),
            Topics.DIAGNOSTICS.name(), DiagnosticEvent.getClassSchema(),
            Topics.DOCUMENT_LINKS.name(), DocumentLinkEvent.getClassSchema(),
            Topics.COLLECTS.name(), CollectEvent.getClassSchema());
    private static final int HEADER_LENGTH = 10;

    private OlderWriterSchema() {}

    /** The latest released version of the topic's value schema, which the producers still on it write with. */
    static Schema previous(String topic) {
        Schema current = CURRENT.get(topic);
        var released = ReleasedSchemas.of(current);
        if (released.isEmpty()) {
            throw new IllegalStateException("no released version of " + current.getFullName() + " to write with");
        }
        return released.get(released.size() - 1);
    }

    /**
     * Whether the previous version differs from the current one where it matters on the wire, its
     * parsing canonical form: while it does not, the two write the same bytes and this scenario only
     * guards the day the contract moves on.
     */
    static boolean differsFromCurrent(String topic) {
        return SchemaNormalization.parsingFingerprint64(previous(topic)) != SchemaNormalization.parsingFingerprint64(CURRENT.get(topic));
    }

    /** The record as the previous schema writes it, or empty when that schema cannot express its value (a newer field or branch). */
    static Optional<PublishedRecord> rewrite(PublishedRecord record) {
        Schema current = CURRENT.get(record.topic());
        Schema older = previous(record.topic());
        byte[] body = Arrays.copyOfRange(record.value(), HEADER_LENGTH, record.value().length);
        GenericRecord value;
        try {
            value = new GenericDatumReader<GenericRecord>(current, older).read(null, DecoderFactory.get().binaryDecoder(body, null));
        } catch (AvroTypeException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!GenericData.get().validate(older, value)) {
            return Optional.empty();
        }
        try {
            ByteBuffer framed = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), older).encode(value);
            byte[] bytes = new byte[framed.remaining()];
            framed.get(bytes);
            return Optional.of(new PublishedRecord(record.topic(), record.key(), bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
