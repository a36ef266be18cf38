package dev.syncledger.processor.rejection;

import dev.syncledger.schemas.rejected.RejectedEvent;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import java.util.Map;

/**
 * What the exception handlers need from the Streams configuration: how rejected events are framed, passed as the
 * {@link SerdeConfig} object itself under {@value #SERDE} (absent: Avro single-object encoding, as without a
 * registry everywhere else). An object, not a URL string, so the registry's credentials and trust settings reach
 * the handlers without being written into a configuration value that clients might log.
 */
public final class RejectionHandlerSettings {

    public static final String SERDE = "sync.ledger.serde";

    private RejectionHandlerSettings() {}

    static AvroCodec<RejectedEvent> codec(Map<String, ?> configs) {
        Object given = configs.get(SERDE);
        SerdeConfig serde = given instanceof SerdeConfig config ? config : SerdeConfig.withoutRegistry();
        return AvroCodec.create(RejectedEvent.getClassSchema(), serde);
    }
}
