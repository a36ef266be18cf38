package dev.syncledger.app.config;

import dev.syncledger.schemas.kafka.KafkaConnection;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads {@code --kafka-config}: standard Kafka client properties, the same file an operator gives Kafka's own tools
 * with {@code --command-config}. What sync-ledger's guarantees rest on (exactly-once, its consumer groups, its
 * serializers) is not the file's to change, and a file that names a missing key or trust store fails here, in one
 * line, rather than as a handshake error later.
 */
final class KafkaClientFile {

    /** Bounded like any input: a client configuration is a few hundred bytes. */
    private static final long MAX_BYTES = 64 * 1024;

    private static final Set<String> OWNED_BY_SYNC_LEDGER = Set.of(
            "bootstrap.servers", "group.id", "group.instance.id", "transactional.id", "enable.auto.commit", "isolation.level",
            "key.serializer", "value.serializer", "key.deserializer", "value.deserializer", "application.id",
            "processing.guarantee", "enable.idempotence", "acks");

    private static final Set<String> FILE_SETTINGS = Set.of(
            "ssl.truststore.location", "ssl.keystore.location", "sasl.kerberos.keytab");

    private KafkaClientFile() {}

    static KafkaConnection connection(String bootstrapServers, Path file) {
        if (file == null) {
            return KafkaConnection.to(bootstrapServers);
        }
        Map<String, String> properties = read(file);
        for (String key : properties.keySet()) {
            if (OWNED_BY_SYNC_LEDGER.contains(key)) {
                throw new IllegalArgumentException("--kafka-config " + file + " sets " + key + ", which sync-ledger sets itself"
                        + (key.equals("bootstrap.servers") ? "; give the brokers with --bootstrap-servers" : "; remove it"));
            }
        }
        for (String key : FILE_SETTINGS) {
            String location = properties.get(key);
            if (location != null && !location.isBlank() && !Files.isReadable(Path.of(location))) {
                throw new IllegalArgumentException("--kafka-config " + file + ": " + key + " " + location + " cannot be read");
            }
        }
        return new KafkaConnection(bootstrapServers, properties);
    }

    private static Map<String, String> read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException("--kafka-config " + file + " is larger than " + MAX_BYTES / 1024
                        + " KiB; it should hold Kafka client properties only");
            }
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            Map<String, String> values = new TreeMap<>();
            properties.forEach((key, value) -> values.put(key.toString().strip(), value.toString().strip()));
            return values;
        } catch (IOException | IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("--kafka-config")) {
                throw (IllegalArgumentException) e;
            }
            throw new IllegalArgumentException("cannot read --kafka-config " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }
}
