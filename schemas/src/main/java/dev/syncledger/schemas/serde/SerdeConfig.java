package dev.syncledger.schemas.serde;

import dev.syncledger.schemas.text.Redaction;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How records are framed on the wire. With a schema registry, writers use the Confluent wire format
 * (magic byte 0, 4-byte schema id, Avro binary); without one, Avro single-object encoding (the Avro
 * spec's 0xC3 0x01 header and 8-byte schema fingerprint). Readers accept both.
 */
public record SerdeConfig(Optional<SchemaRegistrySettings> schemaRegistry) {

    public SerdeConfig {
        Objects.requireNonNull(schemaRegistry, "schemaRegistry");
    }

    public static SerdeConfig withoutRegistry() {
        return new SerdeConfig(Optional.empty());
    }

    /** The registry at this URL with default settings; user info in the URL becomes its credentials. */
    public static SerdeConfig withRegistry(URI url) {
        return withRegistry(SchemaRegistrySettings.of(url));
    }

    public static SerdeConfig withRegistry(SchemaRegistrySettings registry) {
        return new SerdeConfig(Optional.of(registry));
    }

    /** The registry's URL as it may be shown: never with user info. */
    public Optional<URI> schemaRegistryUrl() {
        return schemaRegistry.map(SchemaRegistrySettings::url);
    }

    /** Secrets hidden: a settings record ends up in log lines and error messages. */
    @Override
    public String toString() {
        return Redaction.describe(this);
    }
}
