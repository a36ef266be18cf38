package dev.syncledger.schemas.serde;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;

/** The writer schemas a single-object record may name by fingerprint: fixed when the codec is built. */
final class KnownWriterSchemas implements SchemaStore {

    private final Map<Long, Schema> byFingerprint;

    KnownWriterSchemas(Schema current, Collection<Schema> others) {
        this.byFingerprint = Stream.concat(Stream.of(current), others.stream())
                .collect(Collectors.toUnmodifiableMap(
                        SchemaNormalization::parsingFingerprint64,
                        schema -> schema,
                        // Same canonical form, same wire format: either will do.
                        (first, second) -> first));
    }

    @Override
    public Schema findByFingerprint(long fingerprint) {
        return byFingerprint.get(fingerprint);
    }
}
