package dev.syncledger.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.Map;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Through a real logback appender, as Kafka's clients log: a prefixed format and the errors map as the last argument. */
class BenignKafkaWarningsTest {

    private static final String METADATA = "[Consumer clientId=sync-ledger-StreamThread-1-consumer, groupId=sync-ledger] The metadata"
            + " response from the cluster reported a recoverable issue with correlation id {} : {}";

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Logger networkClient;

    @BeforeEach
    void logThroughTheFilter() {
        LoggerContext context = new LoggerContext();
        BenignKafkaWarnings filter = new BenignKafkaWarnings();
        filter.start();
        logged.setContext(context);
        logged.addFilter(filter);
        logged.start();
        networkClient = context.getLogger(BenignKafkaWarnings.NETWORK_CLIENT);
        networkClient.addAppender(logged);
    }

    @Test
    void shouldDropTheRaceForStreamsOwnTopicsAndTheDoubleClose() {
        networkClient.warn(METADATA, 2, Map.of("sync-ledger-connector-changes-repartition", Errors.UNKNOWN_TOPIC_OR_PARTITION,
                "sync-ledger-connectors-changelog", Errors.UNKNOWN_TOPIC_OR_PARTITION));
        networkClient.warn("[NodeToControllerChannelManager id=1 name=registration] Attempting to close NetworkClient that has already been closed.");
        // Kafka's LogContext loggers hand logback the message already formatted.
        networkClient.warn(formatted(5, "sync-ledger-connector-changes-repartition=UNKNOWN_TOPIC_OR_PARTITION"));

        assertThat(logged.list).isEmpty();
    }

    @Test
    void shouldDropTheBrokersRetriableRejectionOfANewTransactionalProducersLaterBatches() {
        Logger replicaManager = replicaManager();

        replicaManager.error("Error processing append operation on partition AbC:connector-sync.state.collects-2",
                new OutOfOrderSequenceException("Invalid sequence number for producer 1 at offset 119 in partition"
                        + " connector-sync.state.collects-2: 10 (incoming seq. number). Expected sequence 0 for transactions v2"
                        + " idempotent producer with no existing state."));

        assertThat(logged.list).isEmpty();
    }

    @Test
    void shouldKeepAnyOtherSequenceError() {
        replicaManager().error("Error processing append operation on partition AbC:connector-sync.state.collects-2",
                new OutOfOrderSequenceException("Out of order sequence number for producer 7 at offset 548171 in partition"
                        + " connector-sync.state.collects-2: 51 (incoming seq. number), 49 (current end sequence number)"));

        assertThat(logged.list).hasSize(1);
    }

    private Logger replicaManager() {
        Logger replicaManager = networkClient.getLoggerContext().getLogger(BenignKafkaWarnings.REPLICA_MANAGER);
        replicaManager.addAppender(logged);
        return replicaManager;
    }

    @Test
    void shouldKeepAMissingInputTopicAndOtherErrors() {
        networkClient.warn(METADATA, 3, Map.of("connector-sync.sync-runs", Errors.UNKNOWN_TOPIC_OR_PARTITION));
        networkClient.warn(METADATA, 4, Map.of("sync-ledger-connectors-changelog", Errors.TOPIC_AUTHORIZATION_FAILED));
        networkClient.warn("[Consumer clientId=x] Connection to node -1 (/127.0.0.1:9092) could not be established.");
        networkClient.warn(formatted(6, "sync-ledger-connectors-changelog=UNKNOWN_TOPIC_OR_PARTITION, connector-sync.collects=UNKNOWN_TOPIC_OR_PARTITION"));
        networkClient.warn(formatted(7, "sync-ledger-connectors-changelog=LEADER_NOT_AVAILABLE"));

        assertThat(logged.list).hasSize(5);
    }

    private static String formatted(int correlationId, String errors) {
        return METADATA.replaceFirst("\\{}", String.valueOf(correlationId)).replace("{}", "{" + errors + "}");
    }
}
