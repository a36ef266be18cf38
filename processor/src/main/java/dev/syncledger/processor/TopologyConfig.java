package dev.syncledger.processor;

import dev.syncledger.schemas.serde.SerdeConfig;
import java.util.Objects;

/** What the topology itself needs to know; Kafka Streams settings live in {@link StreamsSettings}. */
public record TopologyConfig(SerdeConfig serde) {

    public TopologyConfig {
        Objects.requireNonNull(serde, "serde");
    }

    public static TopologyConfig defaults() {
        return new TopologyConfig(SerdeConfig.withoutRegistry());
    }
}
