package dev.syncledger.schemas.kafka;

import dev.syncledger.schemas.text.Redaction;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How every Kafka client of sync-ledger reaches the cluster: the bootstrap servers and the standard client
 * properties an operator gives for security (SASL, TLS, trust stores). Streams, the sink's and the notifier's
 * consumers, the publisher and every admin client start from {@link #clientConfig()} and add their own settings,
 * so a cluster that requires SASL_SSL is reached by all of them or by none.
 *
 * @param bootstrapServers  brokers, e.g. {@code localhost:9092}
 * @param clientProperties  Kafka client properties applied to every client (without {@code bootstrap.servers})
 */
public record KafkaConnection(String bootstrapServers, Map<String, String> clientProperties) {

    public KafkaConnection {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrap servers are required, e.g. localhost:9092");
        }
        clientProperties = Map.copyOf(clientProperties);
        if (clientProperties.containsKey("bootstrap.servers")) {
            throw new IllegalArgumentException("give the brokers as bootstrap servers, not as a client property");
        }
    }

    /** Plain connections to these brokers, with Kafka's defaults for everything else (PLAINTEXT). */
    public static KafkaConnection to(String bootstrapServers) {
        return new KafkaConnection(bootstrapServers, Map.of());
    }

    /** A new map, for the caller to add its own settings to: the client properties and the bootstrap servers. */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new TreeMap<>(clientProperties);
        config.put("bootstrap.servers", bootstrapServers);
        return config;
    }

    /** {@code security.protocol} as the clients will use it. */
    public String securityProtocol() {
        return clientProperties.getOrDefault("security.protocol", "PLAINTEXT");
    }

    @Override
    public String toString() {
        String properties = new TreeMap<>(clientProperties).entrySet().stream()
                .map(e -> e.getKey() + "=" + Redaction.value(e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
        return "KafkaConnection[" + bootstrapServers + (properties.isEmpty() ? "" : ", " + properties) + "]";
    }

}
