package dev.syncledger.app.config;

import dev.syncledger.schemas.serde.SerdeConfig;
import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The optional Confluent-compatible schema registry; without it events use Avro single-object encoding. */
public final class SchemaRegistryOptions {

    @Option(names = "--schema-registry-url", paramLabel = "URL",
            description = "A Confluent-compatible schema registry; without it, events use Avro single-object encoding.")
    URI schemaRegistryUrl;

    public Optional<URI> schemaRegistryUrl() {
        return Optional.ofNullable(schemaRegistryUrl);
    }

    public SerdeConfig serde() {
        return schemaRegistryUrl == null ? SerdeConfig.withoutRegistry() : SerdeConfig.withRegistry(schemaRegistryUrl);
    }
}
