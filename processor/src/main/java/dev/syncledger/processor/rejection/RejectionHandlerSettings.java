package dev.syncledger.processor.rejection;

import dev.syncledger.schemas.rejected.RejectedEvent;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import java.net.URI;
import java.util.Map;

/**
 * What the exception handlers need from the Streams configuration: how rejected events are framed, passed as
 * {@value #SCHEMA_REGISTRY_URL} (absent: Avro single-object encoding, as without a registry everywhere else).
 */
public final class RejectionHandlerSettings {

    public static final String SCHEMA_REGISTRY_URL = "sync.ledger.schema.registry.url";

    private RejectionHandlerSettings() {}

    static AvroCodec<RejectedEvent> codec(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        SerdeConfig serde = url == null || url.toString().isBlank() ? SerdeConfig.withoutRegistry() : SerdeConfig.withRegistry(URI.create(url.toString()));
        return AvroCodec.create(RejectedEvent.getClassSchema(), serde);
    }
}
