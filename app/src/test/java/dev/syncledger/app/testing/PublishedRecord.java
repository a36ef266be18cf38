package dev.syncledger.app.testing;

import dev.syncledger.app.events.OutgoingEvent;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import org.apache.avro.specific.SpecificRecord;

/**
 * One input record exactly as it goes on the topic. Tests that publish bytes no event line can describe
 * (poison, an older writer schema) hand the same list to the broker and to {@link LedgerOracle#ofRecords}.
 */
public record PublishedRecord(String topic, String key, byte[] value) {

    /** As the CLI's publisher frames an event: Avro single-object encoding with the event's own schema. */
    public static PublishedRecord of(OutgoingEvent event) {
        AvroCodec<SpecificRecord> codec = AvroCodec.create(event.value().getSchema(), SerdeConfig.withoutRegistry());
        return new PublishedRecord(event.topic(), event.key(), codec.encode(event.topic(), event.value()));
    }
}
