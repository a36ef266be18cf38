package dev.syncledger.app.config;

import java.time.Duration;
import picocli.CommandLine.Option;

/** Where the Kafka cluster is, for the commands that run against an existing one. */
public final class KafkaOptions {

    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]", defaultValue = DEFAULT_BOOTSTRAP_SERVERS,
            description = "Kafka brokers to connect to (default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "How long to wait for Kafka and the schema registry to answer at start (default: ${DEFAULT-VALUE}).")
    Duration connectTimeout;

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }
}
