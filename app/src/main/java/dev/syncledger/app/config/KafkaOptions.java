package dev.syncledger.app.config;

import dev.syncledger.schemas.kafka.KafkaConnection;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Where the Kafka cluster is and how to authenticate to it, for the commands that run against an existing one. */
public final class KafkaOptions {

    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]", defaultValue = DEFAULT_BOOTSTRAP_SERVERS,
            description = "Kafka brokers to connect to (default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "A properties file of Kafka client settings applied to every client (security.protocol, sasl.*, ssl.*), "
                    + "e.g. for SASL_SSL with SCRAM or PLAIN, or TLS with client certificates.")
    Path kafkaConfig;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "How long to wait for Kafka and the schema registry to answer at start (default: ${DEFAULT-VALUE}).")
    Duration connectTimeout;

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * The brokers and the client settings of {@code --kafka-config}.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public KafkaConnection connection() {
        return KafkaClientFile.connection(bootstrapServers, kafkaConfig);
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }
}
